using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Book.Optimizers;

/// <summary>
/// Adagrad (Duchi, Hazan &amp; Singer, 2011), chapter 4: divide each coordinate's step by the root of the
/// <b>sum</b> of all its squared gradients so far, so coordinates with large or frequent gradients slow
/// down and rare ones keep large steps:
/// <code>
/// s_t     = s_{t−1} + g_t²                 (s_0 = initial accumulator, element-wise square)
/// η_t     = η / (1 + (t − 1)·decay)         (decay = 0: a constant η)
/// θ_{t+1} = θ_t − η_t·g_t / (√s_t + ε)
/// </code>
/// Because s_t only grows, the effective step η/√s_t shrinks like 1/√t even on a problem that still
/// needs to move; <see cref="RMSprop"/> replaces the sum by a running mean to stop that.
/// With weight decay λ, g_t is replaced by g_t + λθ_t first. Matches <c>torch.optim.Adagrad</c>.
/// </summary>
public sealed class Adagrad : Optimizer
{
    readonly Tensor[] sumOfSquares;

    /// <param name="parameters">The tensors to train.</param>
    /// <param name="learningRate">η (PyTorch's default is 0.01).</param>
    /// <param name="learningRateDecay">decay ≥ 0 of η per step.</param>
    /// <param name="weightDecay">λ ≥ 0, the L2 penalty coefficient.</param>
    /// <param name="initialAccumulator">s_0 ≥ 0, the starting value of every sum of squares.</param>
    /// <param name="epsilon">ε &gt; 0, keeps the division finite.</param>
    public Adagrad(IEnumerable<Parameter> parameters, double learningRate = 0.01, double learningRateDecay = 0,
        double weightDecay = 0, double initialAccumulator = 0, double epsilon = 1e-10)
        : base(parameters, learningRate)
    {
        if (!(learningRateDecay >= 0)) throw new ArgumentOutOfRangeException(nameof(learningRateDecay), learningRateDecay, $"Expected a non-negative learning-rate decay, got {learningRateDecay}.");
        if (!(weightDecay >= 0)) throw new ArgumentOutOfRangeException(nameof(weightDecay), weightDecay, $"Expected a non-negative weight decay, got {weightDecay}.");
        if (!(initialAccumulator >= 0)) throw new ArgumentOutOfRangeException(nameof(initialAccumulator), initialAccumulator, $"Expected a non-negative initial accumulator, got {initialAccumulator}.");
        if (!(epsilon > 0)) throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, $"Expected ε > 0, got {epsilon}.");
        LearningRateDecay = learningRateDecay;
        WeightDecay = weightDecay;
        Epsilon = epsilon;
        sumOfSquares = ZerosLikeParameters();
        foreach (var s in sumOfSquares) s.fill_(initialAccumulator);
    }

    /// <summary>The decay of η per step (η_t = η / (1 + (t − 1)·decay)).</summary>
    public double LearningRateDecay { get; }

    /// <summary>λ, the L2 weight-decay coefficient.</summary>
    public double WeightDecay { get; }

    /// <summary>ε, added to the root of the sum of squares.</summary>
    public double Epsilon { get; }

    /// <inheritdoc />
    protected override void Update(int index, Tensor parameter, Tensor gradient)
    {
        var g = WithL2Penalty(gradient, parameter, WeightDecay);
        var s = sumOfSquares[index];
        s.addcmul_(g, g, value: 1);                                        // s = s + g²
        double rate = LearningRate / (1 + (StepCount - 1) * LearningRateDecay);
        parameter.addcdiv_(g, s.sqrt().add_(Epsilon), value: -rate);       // θ −= η_t·g/(√s + ε)
    }
}
