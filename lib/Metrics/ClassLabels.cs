using Book.Tensors;
using Book.Runtime;
using static TorchSharp.torch;

namespace Book.Metrics;

/// <summary>
/// Turns a model's outputs into predicted class labels, the input of every classification metric
/// (chapter 07). With K ≥ 2 outputs per sample the label is the index of the largest, argmaxₖ zₖ;
/// with one output it is 1 when the output passes a threshold, else 0.
/// </summary>
public static class ClassLabels
{
    /// <summary>Labels from raw scores (logits): argmax for [N, K], <c>z &gt; 0</c> (σ(z) &gt; ½) for [N] or [N, 1].</summary>
    public static Tensor FromLogits(Tensor logits) => FromScores(logits, threshold: 0);

    /// <summary>Labels from probabilities: argmax for [N, K], <c>p ≥ threshold</c> for [N] or [N, 1].</summary>
    public static Tensor FromProbabilities(Tensor probabilities, double threshold = 0.5) => FromScores(probabilities, threshold, inclusive: true);

    static Tensor FromScores(Tensor scores, double threshold, bool inclusive = false)
    {
        ArgumentNullException.ThrowIfNull(scores);
        return scores.dim() switch
        {
            1 => Threshold(scores, threshold, inclusive),
            2 when scores.shape[1] == 1 => Threshold(scores.squeeze(1), threshold, inclusive),
            2 => scores.argmax(1),
            _ => throw new ArgumentException(
                $"Expected outputs of shape [batch] or [batch, classes], got {Shapes.Of(scores.shape)}.", nameof(scores)),
        };
    }

    static Tensor Threshold(Tensor scores, double threshold, bool inclusive) =>
        (inclusive ? scores.ge(threshold) : scores.gt(threshold)).to_type(int64);
}
