using Book.Optimizers;
using static TorchSharp.torch;

namespace Book.Tests.Optimizers;

public class AdamTests
{
    const double Tolerance = 1e-9;

    [Fact]
    public void Adam_matches_torch_optim_Adam_step_for_step() =>
        Assert.InRange(OptimizerRace.MaxRelativeDifference(p => new Adam(p, 0.01), p => optim.Adam(p, 0.01)), 0, Tolerance);

    [Fact]
    public void Adam_with_other_betas_matches_torch() =>
        Assert.InRange(OptimizerRace.MaxRelativeDifference(p => new Adam(p, 0.02, beta1: 0.8, beta2: 0.95, epsilon: 1e-6),
            p => optim.Adam(p, 0.02, beta1: 0.8, beta2: 0.95, eps: 1e-6)), 0, Tolerance);

    [Fact]
    public void Adam_with_L2_weight_decay_matches_torch() =>
        Assert.InRange(OptimizerRace.MaxRelativeDifference(p => new Adam(p, 0.01, weightDecay: 0.1), p => optim.Adam(p, 0.01, weight_decay: 0.1)), 0, Tolerance);

    [Fact]
    public void The_comparison_can_fail_Adam_is_not_RMSprop() =>
        Assert.True(OptimizerRace.MaxRelativeDifference(p => new Adam(p, 0.01), p => optim.RMSProp(p, 0.01)) > 1e-3);

    [Fact]
    public void The_first_step_moves_every_coordinate_by_the_learning_rate()
    {
        // With m̂₁ = g₁ and v̂₁ = g₁², the first Adam step is η·g/|g| = η·sign(g) (up to ε).
        using var theta = new TorchSharp.Modules.Parameter(tensor(new[] { 3.0, -2.0, 0.5 }));
        using var adam = new Adam(new[] { theta }, learningRate: 0.1);
        (theta * tensor(new[] { 5.0, -0.01, 200.0 })).sum().backward();
        adam.Step();
        Assert.Equal(new[] { 2.9, -1.9, 0.4 }, theta.data<double>().ToArray().Select(v => Math.Round(v, 6)));
    }
}
