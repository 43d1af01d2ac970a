using Book.Tensors;
using static TorchSharp.torch;

namespace Book.Losses;

/// <summary>
/// Binary cross-entropy from a raw score z, with p = σ(z) (chapter 03). Substituting σ into BCE and
/// simplifying gives, for one sample, ℓ = max(z, 0) − z·y + log(1 + exp(−|z|)).
/// No exponent is ever positive, so nothing overflows, and a confident wrong score still gives a
/// finite loss with the right gradient ∂ℓ/∂z = σ(z) − y.
/// </summary>
public static class BinaryCrossEntropyWithLogits
{
    /// <summary>The loss of scores <paramref name="logits"/> against 0/1 (or soft) <paramref name="targets"/>.</summary>
    public static Tensor Of(Tensor logits, Tensor targets, Reduction reduction = Reduction.Mean)
    {
        Shapes.RequireSame(logits, targets, nameof(logits), nameof(targets));
        return reduction.Apply(logits.clamp_min(0) - logits * targets + (-logits.abs()).exp().log1p());
    }
}
