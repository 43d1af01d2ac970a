using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Book.Optimizers;

/// <summary>
/// RMSprop (Hinton's lecture 6e), chapter 4: divide each coordinate's step by a running root mean
/// square of its recent gradients, so steep and flat directions advance at similar speeds.
/// <code>
/// s_t     = α·s_{t−1} + (1 − α)·g_t²        (s_0 = 0, element-wise square)
/// θ_{t+1} = θ_t − η·g_t / (√s_t + ε)
/// </code>
/// With weight decay λ, g_t is replaced by g_t + λθ_t first. Matches <c>torch.optim.RMSprop</c>
/// (no momentum, not centered).
/// </summary>
public sealed class RMSprop : Optimizer
{
    readonly Tensor[] meanSquare;

    /// <param name="parameters">The tensors to train.</param>
    /// <param name="learningRate">η (PyTorch's default is 0.01).</param>
    /// <param name="alpha">α in [0, 1), the decay of the running mean of g².</param>
    /// <param name="epsilon">ε &gt; 0, keeps the division finite.</param>
    /// <param name="weightDecay">λ ≥ 0, the L2 penalty coefficient.</param>
    public RMSprop(IEnumerable<Parameter> parameters, double learningRate = 0.01, double alpha = 0.99, double epsilon = 1e-8, double weightDecay = 0)
        : base(parameters, learningRate)
    {
        if (alpha is < 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(alpha), alpha, $"Expected α in [0, 1), got {alpha}.");
        if (!(epsilon > 0)) throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, $"Expected ε > 0, got {epsilon}.");
        if (weightDecay < 0) throw new ArgumentOutOfRangeException(nameof(weightDecay), weightDecay, $"Expected a non-negative weight decay, got {weightDecay}.");
        Alpha = alpha;
        Epsilon = epsilon;
        WeightDecay = weightDecay;
        meanSquare = ZerosLikeParameters();
    }

    /// <summary>α, the decay of the running mean of squared gradients.</summary>
    public double Alpha { get; }

    /// <summary>ε, added to the root mean square.</summary>
    public double Epsilon { get; }

    /// <summary>λ, the L2 weight-decay coefficient.</summary>
    public double WeightDecay { get; }

    /// <inheritdoc />
    protected override void Update(int index, Tensor parameter, Tensor gradient)
    {
        var g = WithL2Penalty(gradient, parameter, WeightDecay);
        var s = meanSquare[index];
        s.mul_(Alpha).addcmul_(g, g, value: 1 - Alpha);                   // s = αs + (1 − α)g²
        parameter.addcdiv_(g, s.sqrt().add_(Epsilon), value: -LearningRate);   // θ −= η·g/(√s + ε)
    }
}
