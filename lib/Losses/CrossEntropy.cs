using Book.Tensors;
using static TorchSharp.torch;

namespace Book.Losses;

/// <summary>
/// Cross-entropy for C classes (chapter 03). For one sample with true class y and predicted
/// probabilities p = softmax(z): ℓ = −log p_y = −z_y + log Σⱼ exp(zⱼ). Averaged over n samples:
/// CE = −(1/n) Σᵢ log p_{i,yᵢ}; with soft (or one-hot) targets t: CE = −(1/n) Σᵢ Σⱼ t_{ij} log p_{ij}.
/// Its gradient with respect to the logits is (p − onehot(y))/n: the reason to start from logits.
/// </summary>
public static class CrossEntropy
{
    /// <summary>From raw scores <paramref name="logits"/> [n, C] and class indices <paramref name="classes"/> [n] (int64).</summary>
    public static Tensor FromLogits(Tensor logits, Tensor classes, Reduction reduction = Reduction.Mean)
    {
        Shapes.RequireDimensions(logits, 2, nameof(logits), "[samples, classes]");
        Shapes.RequireDimensions(classes, 1, nameof(classes), "[samples] of class indices");
        if (classes.shape[0] != logits.shape[0])
            throw new ArgumentException($"Expected {logits.shape[0]} class indices (one per row of logits {Shapes.Of(logits)}), got {classes.shape[0]}.", nameof(classes));
        if (classes.dtype != ScalarType.Int64)
            throw new ArgumentException($"Expected class indices of type Int64, got {classes.dtype}.", nameof(classes));
        long classCount = logits.shape[1];
        if (classes.numel() > 0 && (classes.min().item<long>() < 0 || classes.max().item<long>() >= classCount))
            throw new ArgumentException($"Expected class indices in [0, {classCount - 1}], got values from {classes.min().item<long>()} to {classes.max().item<long>()}.", nameof(classes));
        var trueLogit = logits.gather(1, classes.unsqueeze(1)).squeeze(1);
        return reduction.Apply(LogSumExp.Of(logits, dim: 1) - trueLogit);
    }

    /// <summary>
    /// From probabilities [n, C] (each row sums to 1) and target distributions of the same shape
    /// (one-hot or soft). Probabilities are clamped to ≥ 1e-12 so that log 0 gives a large finite loss.
    /// </summary>
    public static Tensor FromProbabilities(Tensor probabilities, Tensor targets, Reduction reduction = Reduction.Mean)
    {
        Shapes.RequireDimensions(probabilities, 2, nameof(probabilities), "[samples, classes]");
        Shapes.RequireSame(probabilities, targets, nameof(probabilities), nameof(targets));
        return reduction.Apply(-(targets * probabilities.clamp_min(1e-12).log()).sum(1));
    }
}
