using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Book.Optimizers;

/// <summary>
/// AdamW (Loshchilov &amp; Hutter, "Decoupled Weight Decay Regularization", 2019), chapter 4: Adam whose
/// weight decay shrinks the parameters directly instead of passing through the gradient,
/// <code>
/// θ_t ← θ_t·(1 − η·λ)                         decoupled decay, before the Adam step
/// θ_{t+1} = θ_t − η·m̂_t / (√v̂_t + ε)          with m̂, v̂ from the raw gradient g_t
/// </code>
/// so every weight decays at the same rate whatever its gradient history (with Adam's L2 form,
/// weights with large gradients are barely decayed). Matches <c>torch.optim.AdamW</c>.
/// </summary>
public sealed class AdamW : Adam
{
    /// <param name="parameters">The tensors to train.</param>
    /// <param name="learningRate">η.</param>
    /// <param name="beta1">β₁ in [0, 1).</param>
    /// <param name="beta2">β₂ in [0, 1).</param>
    /// <param name="epsilon">ε &gt; 0.</param>
    /// <param name="weightDecay">λ ≥ 0 (PyTorch's default is 0.01).</param>
    public AdamW(IEnumerable<Parameter> parameters, double learningRate = 1e-3, double beta1 = 0.9, double beta2 = 0.999,
        double epsilon = 1e-8, double weightDecay = 0.01)
        : base(parameters, learningRate, beta1, beta2, epsilon, weightDecay)
    {
    }

    /// <summary>AdamW: shrinks θ by (1 − ηλ) in place; the moments see the raw gradient.</summary>
    protected override Tensor DecayWeights(Tensor parameter, Tensor gradient)
    {
        if (WeightDecay != 0) parameter.mul_(1 - LearningRate * WeightDecay);
        return gradient;
    }
}
