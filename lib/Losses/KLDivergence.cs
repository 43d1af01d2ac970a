using Book.Tensors;
using static TorchSharp.torch;

namespace Book.Losses;

/// <summary>
/// The Kullback–Leibler divergence of a model distribution q from a target distribution p (chapter 03),
/// the extra surprise paid for using q where the outcomes follow p:
/// <code>KL(p‖q) = Σⱼ pⱼ log(pⱼ / qⱼ) = CE(p, q) − H(p) ≥ 0,   = 0 only when q = p</code>
/// (0 · log(0/q) = 0). It is not symmetric: KL(p‖q) ≠ KL(q‖p) in general. With one-hot targets H(p) = 0,
/// so minimising cross-entropy and minimising KL are the same thing. Matches
/// <c>torch.nn.functional.kl_div(q.log(), p)</c> summed over classes.
/// </summary>
public static class KLDivergence
{
    /// <summary>KL(p‖q) for distributions along the last dimension ([C] or [n, C]); q is clamped to ≥ 1e-12.</summary>
    public static Tensor Of(Tensor target, Tensor model, Reduction reduction = Reduction.Mean)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(model);
        Shapes.RequireSame(target, model, nameof(target), nameof(model));
        if (target.dim() is < 1 or > 2)
            throw new ArgumentException($"Expected one distribution [classes] or a batch [samples, classes], got {Shapes.Of(target)}.", nameof(target));
        return reduction.Apply((xlogy(target, target) - xlogy(target, model.clamp_min(1e-12))).sum(-1));
    }
}
