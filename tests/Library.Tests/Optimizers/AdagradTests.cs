using Book.Optimizers;
using static TorchSharp.torch;

namespace Book.Tests.Optimizers;

public class AdagradTests
{
    const double Tolerance = 1e-9;

    [Fact]
    public void Adagrad_matches_torch_optim_Adagrad_step_for_step() =>
        Assert.InRange(OptimizerRace.MaxRelativeDifference(p => new Adagrad(p, 0.05), p => optim.Adagrad(p, 0.05)), 0, Tolerance);

    [Fact]
    public void Adagrad_with_decay_weight_decay_and_initial_accumulator_matches_torch() =>
        Assert.InRange(OptimizerRace.MaxRelativeDifference(
            p => new Adagrad(p, 0.05, learningRateDecay: 0.01, weightDecay: 0.05, initialAccumulator: 0.1),
            p => optim.Adagrad(p, 0.05, lr_decay: 0.01, weight_decay: 0.05, initial_accumulator_value: 0.1)), 0, Tolerance);

    [Fact]
    public void The_comparison_can_fail_a_running_mean_instead_of_a_sum_differs() =>
        Assert.True(OptimizerRace.MaxRelativeDifference(p => new RMSprop(p, 0.05), p => optim.Adagrad(p, 0.05)) > 1e-3);

    [Fact]
    public void Parameters_actually_move() => Assert.True(OptimizerRace.Movement(p => new Adagrad(p, 0.05)) > 1e-2);

    [Fact]
    public void A_constant_gradient_gives_steps_that_shrink_like_one_over_root_t()
    {
        // J = θ has gradient 1 every step: s_t = t, so step t moves θ by η/√t.
        var theta = new TorchSharp.Modules.Parameter(zeros(1, dtype: ScalarType.Float64));
        using var adagrad = new Adagrad(new[] { theta }, 0.1);
        double previous = 0;
        for (int t = 1; t <= 4; t++)
        {
            adagrad.ZeroGrad();
            theta.sum().backward();
            adagrad.Step();
            double now = theta.item<double>();
            Assert.Equal(0.1 / Math.Sqrt(t), previous - now, 9);   // ε = 1e-10 moves the 10th digit
            previous = now;
        }
    }

    [Fact]
    public void Invalid_settings_are_named() =>
        Assert.Contains("initial accumulator", Assert.Throws<ArgumentOutOfRangeException>(() =>
            new Adagrad(new[] { new TorchSharp.Modules.Parameter(zeros(1)) }, initialAccumulator: -1)).Message);
}
