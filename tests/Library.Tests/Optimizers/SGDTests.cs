using Book.Optimizers;
using static TorchSharp.torch;

namespace Book.Tests.Optimizers;

public class SGDTests
{
    const double Tolerance = 1e-9;

    [Fact]
    public void Plain_SGD_matches_torch_optim_SGD_step_for_step() =>
        Assert.InRange(OptimizerRace.MaxRelativeDifference(p => new SGD(p, 0.1), p => optim.SGD(p, 0.1)), 0, Tolerance);

    [Fact]
    public void Momentum_matches_torch_optim_SGD_with_momentum() =>
        Assert.InRange(OptimizerRace.MaxRelativeDifference(p => new SGD(p, 0.05, momentum: 0.9), p => optim.SGD(p, 0.05, momentum: 0.9)), 0, Tolerance);

    [Fact]
    public void Nesterov_matches_torch_optim_SGD_with_nesterov() =>
        Assert.InRange(OptimizerRace.MaxRelativeDifference(p => new SGD(p, 0.05, momentum: 0.9, nesterov: true),
            p => optim.SGD(p, 0.05, momentum: 0.9, nesterov: true)), 0, Tolerance);

    [Fact]
    public void Weight_decay_matches_torch_optim_SGD_with_weight_decay() =>
        Assert.InRange(OptimizerRace.MaxRelativeDifference(p => new SGD(p, 0.05, momentum: 0.5, weightDecay: 0.1),
            p => optim.SGD(p, 0.05, momentum: 0.5, weight_decay: 0.1)), 0, Tolerance);

    [Fact]
    public void The_comparison_can_fail_momentum_is_not_plain_SGD() =>
        Assert.True(OptimizerRace.MaxRelativeDifference(p => new SGD(p, 0.05, momentum: 0.9), p => optim.SGD(p, 0.05)) > 1e-3);

    [Fact]
    public void Parameters_actually_move() => Assert.True(OptimizerRace.Movement(p => new SGD(p, 0.1)) > 1e-2);

    [Fact]
    public void Nesterov_without_momentum_is_refused_with_the_reason()
    {
        var error = Assert.Throws<ArgumentException>(() => new SGD(new[] { new TorchSharp.Modules.Parameter(zeros(2)) }, 0.1, nesterov: true));
        Assert.Contains("μ > 0", error.Message);
    }

    [Fact]
    public void A_non_positive_learning_rate_names_the_value()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new SGD(new[] { new TorchSharp.Modules.Parameter(zeros(2)) }, -0.5));
        Assert.Contains("-0.5", error.Message);
    }
}
