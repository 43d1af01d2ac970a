using Book.Tensors;
using Book.Runtime;
using static TorchSharp.torch;

namespace Book.Metrics;

/// <summary>
/// The K×K table of counts Cᵢⱼ = number of samples of actual class i predicted as class j (rows are
/// actual classes, columns predicted, as scikit-learn has it), and every classification metric derived
/// from it (chapter 07). For class k: TP = Cₖₖ, FP = Σᵢ Cᵢₖ − Cₖₖ, FN = Σⱼ Cₖⱼ − Cₖₖ;
/// precision = TP / (TP + FP), recall = TP / (TP + FN), F1 = 2·P·R / (P + R).
/// A ratio whose denominator is 0 (a class never predicted, or absent) counts as 0.
/// </summary>
public sealed class ConfusionMatrix
{
    readonly long[,] counts;

    ConfusionMatrix(long[,] counts) => this.counts = counts;

    /// <summary>Counts predicted against actual labels (integers 0…K−1, any shape, same number of elements).</summary>
    /// <param name="classes">K; by default one more than the largest label seen, and at least 2.</param>
    public static ConfusionMatrix From(Tensor predicted, Tensor actual, int? classes = null)
    {
        var (p, a) = (LabelArray(predicted, nameof(predicted)), LabelArray(actual, nameof(actual)));
        if (p.Length != a.Length)
            throw new ArgumentException(
                $"Expected as many predictions as actual labels, got predictions of shape {Shapes.Of(predicted.shape)} and labels of shape {Shapes.Of(actual.shape)}.");
        int k = classes ?? (int)Math.Max(2, p.Concat(a).DefaultIfEmpty(0).Max() + 1);
        var outside = p.Concat(a).Where(label => label < 0 || label >= k).Take(1).ToArray();
        if (outside.Length > 0) throw new ArgumentException($"Expected labels in 0…{k - 1}, got {outside[0]}.");
        var counts = new long[k, k];
        for (int i = 0; i < p.Length; i++) counts[a[i], p[i]]++;
        return new ConfusionMatrix(counts);
    }

    /// <summary>K, the number of classes.</summary>
    public int Classes => counts.GetLength(0);

    /// <summary>Cᵢⱼ: samples of actual class <paramref name="actual"/> predicted as <paramref name="predicted"/>.</summary>
    public long this[int actual, int predicted] => counts[actual, predicted];

    /// <summary>The counts as a K×K array of numbers (rows actual, columns predicted), e.g. for <c>ConfusionMatrixPlot</c>.</summary>
    public double[,] ToArray()
    {
        var array = new double[Classes, Classes];
        for (int i = 0; i < Classes; i++)
            for (int j = 0; j < Classes; j++) array[i, j] = counts[i, j];
        return array;
    }

    /// <summary>The number of samples counted.</summary>
    public long Total => Enumerable.Range(0, Classes).Sum(i => Enumerable.Range(0, Classes).Sum(j => counts[i, j]));

    /// <summary>True positives of class k: Cₖₖ.</summary>
    public long TruePositives(int k) => counts[k, k];

    /// <summary>False positives of class k: predicted k, actually another class.</summary>
    public long FalsePositives(int k) => Enumerable.Range(0, Classes).Sum(i => counts[i, k]) - counts[k, k];

    /// <summary>False negatives of class k: actually k, predicted as another class.</summary>
    public long FalseNegatives(int k) => Enumerable.Range(0, Classes).Sum(j => counts[k, j]) - counts[k, k];

    /// <summary>Accuracy: Σₖ Cₖₖ / N.</summary>
    public double Accuracy => Ratio(Enumerable.Range(0, Classes).Sum(TruePositives), Total);

    /// <summary>Precision of class k: TP / (TP + FP) — of the samples called k, the share that are k.</summary>
    public double Precision(int k) => Ratio(TruePositives(k), TruePositives(k) + FalsePositives(k));

    /// <summary>Recall of class k: TP / (TP + FN) — of the samples that are k, the share found.</summary>
    public double Recall(int k) => Ratio(TruePositives(k), TruePositives(k) + FalseNegatives(k));

    /// <summary>F1 of class k: 2·P·R / (P + R), the harmonic mean of precision and recall (= 2TP / (2TP + FP + FN)).</summary>
    public double F1(int k) => Ratio(2 * TruePositives(k), 2 * TruePositives(k) + FalsePositives(k) + FalseNegatives(k));

    /// <summary>Precision, averaged as asked (binary: of <paramref name="positiveClass"/>).</summary>
    public double Precision(Averaging averaging, int positiveClass = 1) => Average(Precision, averaging, positiveClass);

    /// <summary>Recall, averaged as asked (binary: of <paramref name="positiveClass"/>).</summary>
    public double Recall(Averaging averaging, int positiveClass = 1) => Average(Recall, averaging, positiveClass);

    /// <summary>F1, averaged as asked (binary: of <paramref name="positiveClass"/>). Macro-F1 is the mean of per-class F1s.</summary>
    public double F1(Averaging averaging, int positiveClass = 1) => Average(F1, averaging, positiveClass);

    double Average(Func<int, double> metric, Averaging averaging, int positiveClass) => averaging switch
    {
        Averaging.Binary when Classes > 2 => throw new InvalidOperationException(
            $"Binary averaging needs 2 classes, got {Classes}: use Averaging.Macro."),
        Averaging.Binary when positiveClass < 0 || positiveClass >= Classes => throw new ArgumentOutOfRangeException(
            nameof(positiveClass), positiveClass, $"Expected a positive class in 0…{Classes - 1}."),
        Averaging.Binary => metric(positiveClass),
        Averaging.Macro => Enumerable.Range(0, Classes).Average(metric),
        _ => throw new ArgumentOutOfRangeException(nameof(averaging), averaging, "Expected Binary or Macro."),
    };

    static double Ratio(long numerator, long denominator) => denominator == 0 ? 0 : (double)numerator / denominator;

    internal static long[] LabelArray(Tensor labels, string name)
    {
        ArgumentNullException.ThrowIfNull(labels, name);
        using var scope = NewDisposeScope();
        if (labels.is_floating_point() && !labels.eq(labels.round()).all().item<bool>())
            throw new ArgumentException($"Expected integer class labels in '{name}', got fractional values: turn outputs into labels with ClassLabels first.", name);
        return labels.reshape(-1).to_type(int64).cpu().data<long>().ToArray();
    }
}
