using Book.Tensors;
using Book.Runtime;
using static TorchSharp.torch;

namespace Book.Metrics;

/// <summary>
/// The receiver operating characteristic of a binary scorer (chapter 07): for every threshold t, the
/// true-positive rate TPR(t) = TP/P against the false-positive rate FPR(t) = FP/N when samples with
/// score ≥ t are called positive. Thresholds are the distinct scores, from the highest down, after a
/// first point (0, 0) at t = +∞. Samples with equal scores cross the threshold together, so a tie between
/// a positive and a negative is one diagonal step. The area under the curve (trapezoidal rule),
/// AUC = Σ (FPRᵢ − FPRᵢ₋₁)·(TPRᵢ + TPRᵢ₋₁)/2, equals the probability that a random positive scores above
/// a random negative, ties counting one half.
/// </summary>
public sealed class RocCurve
{
    RocCurve(double[] falsePositiveRates, double[] truePositiveRates, double[] thresholds) =>
        (FalsePositiveRates, TruePositiveRates, Thresholds) = (falsePositiveRates, truePositiveRates, thresholds);

    /// <summary>FPR at each threshold, from 0 up to 1.</summary>
    public IReadOnlyList<double> FalsePositiveRates { get; }

    /// <summary>TPR at each threshold, from 0 up to 1.</summary>
    public IReadOnlyList<double> TruePositiveRates { get; }

    /// <summary>The thresholds, +∞ first, then each distinct score in decreasing order.</summary>
    public IReadOnlyList<double> Thresholds { get; }

    /// <summary>The area under the curve, between 0 and 1; 0.5 is a scorer no better than chance.</summary>
    public double Auc => Enumerable.Range(1, Thresholds.Count - 1).Sum(i =>
        (FalsePositiveRates[i] - FalsePositiveRates[i - 1]) * (TruePositiveRates[i] + TruePositiveRates[i - 1]) / 2);

    /// <summary>
    /// The highest true-positive rate a threshold reaches while its false-positive rate stays at most
    /// <paramref name="falsePositiveRate"/> — the curve read at one point, e.g. on a fixed grid of rates for a plot
    /// whose size does not depend on how many distinct scores there were.
    /// </summary>
    public double TruePositiveRateAt(double falsePositiveRate)
    {
        if (!(falsePositiveRate >= 0 && falsePositiveRate <= 1))
            throw new ArgumentOutOfRangeException(nameof(falsePositiveRate), falsePositiveRate, "Expected a false-positive rate in [0, 1].");
        return Enumerable.Range(0, Thresholds.Count).Where(i => FalsePositiveRates[i] <= falsePositiveRate)
            .Max(i => TruePositiveRates[i]);
    }

    /// <summary>The curve of <paramref name="scores"/> (higher = more likely positive) against binary <paramref name="actual"/> labels.</summary>
    /// <param name="positiveClass">The label that counts as positive; every other label is negative.</param>
    public static RocCurve From(Tensor scores, Tensor actual, int positiveClass = 1)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var s = scores.reshape(-1).to_type(float64).cpu().data<double>().ToArray();
        var positive = ConfusionMatrix.LabelArray(actual, nameof(actual)).Select(label => label == positiveClass).ToArray();
        if (s.Length != positive.Length)
            throw new ArgumentException(
                $"Expected one score per label, got scores of shape {Shapes.Of(scores.shape)} and labels of shape {Shapes.Of(actual.shape)}.");
        int p = positive.Count(x => x), n = positive.Length - p;
        if (p == 0 || n == 0)
            throw new ArgumentException($"Expected both positive and negative samples, got {p} positive and {n} negative: the ROC curve is undefined.");

        var fpr = new List<double> { 0 };
        var tpr = new List<double> { 0 };
        var thresholds = new List<double> { double.PositiveInfinity };
        int tp = 0, fp = 0;
        foreach (var group in Enumerable.Range(0, s.Length).GroupBy(i => s[i]).OrderByDescending(g => g.Key))
        {
            foreach (int i in group)
                if (positive[i]) tp++; else fp++;
            fpr.Add((double)fp / n);
            tpr.Add((double)tp / p);
            thresholds.Add(group.Key);
        }
        return new RocCurve(fpr.ToArray(), tpr.ToArray(), thresholds.ToArray());
    }
}
