using Book.Tensors;
using Book.Runtime;
using static TorchSharp.torch;

namespace Book.Metrics;

/// <summary>
/// The classification metrics of chapter 07 as one-line calls on predicted and actual labels
/// (see <see cref="ClassLabels"/> for turning outputs into labels). Precision, recall and F1 come
/// from the <see cref="ConfusionMatrix"/>; binary averaging scores class 1 unless told otherwise.
/// </summary>
public static class ClassificationMetrics
{
    /// <summary>Accuracy = (1/N) Σᵢ [ŷᵢ = yᵢ], computed on the tensors' device.</summary>
    public static double Accuracy(Tensor predicted, Tensor actual)
    {
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(actual);
        if (predicted.numel() != actual.numel() || predicted.numel() == 0)
            throw new ArgumentException(
                $"Expected as many predictions as actual labels (at least one), got predictions of shape {Shapes.Of(predicted.shape)} and labels of shape {Shapes.Of(actual.shape)}.");
        using var scope = NewDisposeScope();
        return predicted.reshape(-1).to_type(int64).eq(actual.reshape(-1).to_type(int64)).to_type(float64).mean().item<double>();
    }

    /// <summary>Precision = TP / (TP + FP).</summary>
    public static double Precision(Tensor predicted, Tensor actual, Averaging averaging = Averaging.Binary, int positiveClass = 1) =>
        ConfusionMatrix.From(predicted, actual).Precision(averaging, positiveClass);

    /// <summary>Recall = TP / (TP + FN).</summary>
    public static double Recall(Tensor predicted, Tensor actual, Averaging averaging = Averaging.Binary, int positiveClass = 1) =>
        ConfusionMatrix.From(predicted, actual).Recall(averaging, positiveClass);

    /// <summary>F1 = 2·P·R / (P + R).</summary>
    public static double F1(Tensor predicted, Tensor actual, Averaging averaging = Averaging.Binary, int positiveClass = 1) =>
        ConfusionMatrix.From(predicted, actual).F1(averaging, positiveClass);
}
