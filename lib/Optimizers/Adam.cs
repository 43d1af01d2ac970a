using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Book.Optimizers;

/// <summary>
/// Adam (Kingma &amp; Ba, 2015), chapter 4, with the formulas of the source article (seed 000, §4.2):
/// <code>
/// m_t = β₁·m_{t−1} + (1 − β₁)·g_t            first moment (mean of g)
/// v_t = β₂·v_{t−1} + (1 − β₂)·g_t²           second moment (mean of g²)
/// m̂_t = m_t / (1 − β₁ᵗ),   v̂_t = v_t / (1 − β₂ᵗ)   bias corrections (m_0 = v_0 = 0)
/// θ_{t+1} = θ_t − η·m̂_t / (√v̂_t + ε)
/// </code>
/// Weight decay λ here is the classic L2 penalty: g_t ← g_t + λθ_t before the moments, so the decay
/// is divided by √v̂ like the gradient. <see cref="AdamW"/> decouples it. Matches <c>torch.optim.Adam</c>.
/// </summary>
public class Adam : Optimizer
{
    readonly Tensor[] firstMoment;
    readonly Tensor[] secondMoment;

    /// <param name="parameters">The tensors to train.</param>
    /// <param name="learningRate">η (the usual default is 0.001).</param>
    /// <param name="beta1">β₁ in [0, 1).</param>
    /// <param name="beta2">β₂ in [0, 1).</param>
    /// <param name="epsilon">ε &gt; 0.</param>
    /// <param name="weightDecay">λ ≥ 0.</param>
    public Adam(IEnumerable<Parameter> parameters, double learningRate = 1e-3, double beta1 = 0.9, double beta2 = 0.999,
        double epsilon = 1e-8, double weightDecay = 0)
        : base(parameters, learningRate)
    {
        if (beta1 is < 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(beta1), beta1, $"Expected β₁ in [0, 1), got {beta1}.");
        if (beta2 is < 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(beta2), beta2, $"Expected β₂ in [0, 1), got {beta2}.");
        if (!(epsilon > 0)) throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, $"Expected ε > 0, got {epsilon}.");
        if (weightDecay < 0) throw new ArgumentOutOfRangeException(nameof(weightDecay), weightDecay, $"Expected a non-negative weight decay, got {weightDecay}.");
        Beta1 = beta1;
        Beta2 = beta2;
        Epsilon = epsilon;
        WeightDecay = weightDecay;
        firstMoment = ZerosLikeParameters();
        secondMoment = ZerosLikeParameters();
    }

    /// <summary>β₁, the decay of the first-moment estimate.</summary>
    public double Beta1 { get; }

    /// <summary>β₂, the decay of the second-moment estimate.</summary>
    public double Beta2 { get; }

    /// <summary>ε, added to √v̂.</summary>
    public double Epsilon { get; }

    /// <summary>λ, the weight-decay coefficient.</summary>
    public double WeightDecay { get; }

    /// <inheritdoc />
    protected sealed override void Update(int index, Tensor parameter, Tensor gradient)
    {
        var g = DecayWeights(parameter, gradient);
        var m = firstMoment[index];
        var v = secondMoment[index];
        double correction1 = 1 - Math.Pow(Beta1, StepCount);
        double correction2 = 1 - Math.Pow(Beta2, StepCount);
        // In-place, fused operations (one native call each): on small tensors the cost of a step is the
        // number of calls, not the arithmetic.
        m.mul_(Beta1).add_(g, alpha: 1 - Beta1);                           // m = β₁m + (1 − β₁)g
        v.mul_(Beta2).addcmul_(g, g, value: 1 - Beta2);                    // v = β₂v + (1 − β₂)g²
        var denominator = (v / correction2).sqrt_().add_(Epsilon);         // √v̂ + ε
        parameter.addcdiv_(m, denominator, value: -LearningRate / correction1);   // θ −= η·m̂/(√v̂ + ε)
    }

    /// <summary>
    /// Where weight decay enters. Adam: into the gradient, g + λθ (returned; θ untouched).
    /// </summary>
    /// <returns>The gradient the moment estimates see.</returns>
    protected virtual Tensor DecayWeights(Tensor parameter, Tensor gradient) =>
        WithL2Penalty(gradient, parameter, WeightDecay);
}
