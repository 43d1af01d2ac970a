using Book.Runtime;
using static TorchSharp.torch;

namespace Book.Losses;

/// <summary>
/// Binary cross-entropy (chapter 02), for one probability p = P(y = 1) per sample:
/// BCE = −(1/n) Σᵢ [ yᵢ log pᵢ + (1 − yᵢ) log(1 − pᵢ) ].
/// Both terms matter: a sample with y = 0 is judged by log(1 − p). As TorchSharp does, each log is
/// clamped to ≥ −100 so that p = 0 or p = 1 gives a large finite loss instead of infinity.
/// Prefer <see cref="BinaryCrossEntropyWithLogits"/> when the model outputs a score.
/// </summary>
public static class BinaryCrossEntropy
{
    /// <summary>The loss of probabilities <paramref name="probabilities"/> against 0/1 (or soft) <paramref name="targets"/>.</summary>
    public static Tensor Of(Tensor probabilities, Tensor targets, Reduction reduction = Reduction.Mean)
    {
        Shapes.RequireSame(probabilities, targets, nameof(probabilities), nameof(targets));
        var logP = probabilities.log().clamp_min(-100);
        var logNotP = (1 - probabilities).log().clamp_min(-100);
        return reduction.Apply(-(targets * logP + (1 - targets) * logNotP));
    }
}
