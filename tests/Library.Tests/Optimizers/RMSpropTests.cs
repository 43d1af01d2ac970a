using Book.Optimizers;
using static TorchSharp.torch;

namespace Book.Tests.Optimizers;

public class RMSpropTests
{
    const double Tolerance = 1e-9;

    [Fact]
    public void RMSprop_matches_torch_optim_RMSprop_step_for_step() =>
        Assert.InRange(OptimizerRace.MaxRelativeDifference(p => new RMSprop(p, 0.01, alpha: 0.9), p => optim.RMSProp(p, 0.01, alpha: 0.9)), 0, Tolerance);

    [Fact]
    public void RMSprop_with_weight_decay_matches_torch() =>
        Assert.InRange(OptimizerRace.MaxRelativeDifference(p => new RMSprop(p, 0.01, weightDecay: 0.05), p => optim.RMSProp(p, 0.01, weight_decay: 0.05)), 0, Tolerance);

    [Fact]
    public void The_comparison_can_fail_a_different_alpha_differs() =>
        Assert.True(OptimizerRace.MaxRelativeDifference(p => new RMSprop(p, 0.01, alpha: 0.5), p => optim.RMSProp(p, 0.01, alpha: 0.99)) > 1e-3);

    [Fact]
    public void Parameters_actually_move() => Assert.True(OptimizerRace.Movement(p => new RMSprop(p, 0.01)) > 1e-2);
}
