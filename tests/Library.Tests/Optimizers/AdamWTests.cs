using Book.Optimizers;
using static TorchSharp.torch;

namespace Book.Tests.Optimizers;

public class AdamWTests
{
    const double Tolerance = 1e-9;

    [Fact]
    public void AdamW_matches_torch_optim_AdamW_step_for_step() =>
        Assert.InRange(OptimizerRace.MaxRelativeDifference(p => new AdamW(p, 0.01, weightDecay: 0.1), p => optim.AdamW(p, 0.01, weight_decay: 0.1)), 0, Tolerance);

    [Fact]
    public void Decoupled_decay_is_not_Adams_L2_decay() =>
        Assert.True(OptimizerRace.MaxRelativeDifference(p => new AdamW(p, 0.01, weightDecay: 0.1), p => optim.Adam(p, 0.01, weight_decay: 0.1)) > 1e-3);

    [Fact]
    public void Without_gradient_AdamW_shrinks_weights_by_one_minus_eta_lambda()
    {
        using var theta = new TorchSharp.Modules.Parameter(tensor(new[] { 2.0, -4.0 }));
        using var adamw = new AdamW(new[] { theta }, learningRate: 0.1, weightDecay: 0.5);
        (theta * 0).sum().backward();
        adamw.Step();
        Assert.Equal(new[] { 1.9, -3.8 }, theta.data<double>().ToArray().Select(v => Math.Round(v, 9)));
    }
}
