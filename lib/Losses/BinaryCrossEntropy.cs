using Book.Tensors;
using static TorchSharp.torch;

namespace Book.Losses;

/// <summary>
/// Binary cross-entropy (chapter 03), for one probability p = P(y = 1) per sample:
/// BCE = −(1/n) Σᵢ [ yᵢ log pᵢ + (1 − yᵢ) log(1 − pᵢ) ].
/// Both terms matter: a sample with y = 0 is judged by log(1 − p). As in TorchSharp, each log is
/// at least −100, so p = 0 or p = 1 gives a large finite loss instead of infinity, and the gradient
/// there is finite (0 through a saturated sigmoid, as TorchSharp's), not NaN.
/// Prefer <see cref="BinaryCrossEntropyWithLogits"/> when the model outputs a score.
/// </summary>
public static class BinaryCrossEntropy
{

    /// <summary>The loss of probabilities <paramref name="probabilities"/> against 0/1 (or soft) <paramref name="targets"/>.</summary>
    public static Tensor Of(Tensor probabilities, Tensor targets, Reduction reduction = Reduction.Mean)
    {
        Shapes.RequireSame(probabilities, targets, nameof(probabilities), nameof(targets));
        return reduction.Apply(-(targets * FlooredLog(probabilities) + (1 - targets) * FlooredLog(1 - probabilities)));
    }

    /// <summary>
    /// max(log x, −100). Where x = 0 the log is taken of 1 instead and replaced by −100, so no
    /// infinity ever enters the backward pass (a single <c>where</c> would still give 0·∞ = NaN).
    /// </summary>
    static Tensor FlooredLog(Tensor x)
    {
        var positive = x > 0;
        var safe = where(positive, x, ones_like(x));
        return where(positive, safe.log(), full_like(x, -100)).clamp_min(-100);
    }
}
