using Book.Tensors;
using static TorchSharp.torch;

namespace Book.Losses;

/// <summary>
/// Binary cross-entropy from a raw score z, with p = σ(z) (chapter 03). Substituting σ into BCE and
/// using log(1 − σ(z)) = log σ(z) − z gives, for one sample,
/// <code>ℓ = (1 − y)·z − log σ(z),     log σ(z) = −log(1 + e^(−z)) for z ≥ 0,  z − log(1 + e^z) for z &lt; 0</code>
/// which equals max(z, 0) − z·y + log(1 + e^(−|z|)). No exponent is ever positive, so nothing overflows,
/// and a confident wrong score still gives a finite loss with the right gradient ∂ℓ/∂z = σ(z) − y.
/// The two-branch form keeps that gradient right at z = 0 too (σ(0) − y = ½ − y), where |z| and max(z, 0)
/// have no derivative and autograd would pick 1 − y: every sample of a model started from zero weights
/// has z = 0.
/// </summary>
public static class BinaryCrossEntropyWithLogits
{
    /// <summary>The loss of scores <paramref name="logits"/> against 0/1 (or soft) <paramref name="targets"/>.</summary>
    public static Tensor Of(Tensor logits, Tensor targets, Reduction reduction = Reduction.Mean)
    {
        Shapes.RequireSame(logits, targets, nameof(logits), nameof(targets));
        // Each branch only ever sees the inputs it is used for, so neither overflows (nor gives NaN gradients).
        var positive = logits.clamp_min(0);
        var negative = logits.clamp_max(0);
        var logSigmoid = where(logits >= 0, -(-positive).exp().log1p(), negative - negative.exp().log1p());
        return reduction.Apply((1 - targets) * logits - logSigmoid);
    }
}
