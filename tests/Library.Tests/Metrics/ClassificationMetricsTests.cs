using Book.Display;
using Book.Metrics;
using static TorchSharp.torch;

namespace Book.Tests.Metrics;

/// <summary>Every expected value here is counted by hand in the comments.</summary>
public class ClassificationMetricsTests
{
    // actual    1 0 1 1 0 1 0 0
    // predicted 1 1 0 1 1 1 0 0  → TP 3 (0,3,5), FP 2 (1,4), FN 1 (2), TN 2 (6,7)
    static readonly Tensor BinaryActual = tensor(new long[] { 1, 0, 1, 1, 0, 1, 0, 0 });
    static readonly Tensor BinaryPredicted = tensor(new long[] { 1, 1, 0, 1, 1, 1, 0, 0 });

    // actual    0 0 1 1 2 2 2
    // predicted 0 1 1 1 2 0 2  → rows (actual) [1 1 0], [0 2 0], [1 0 2]
    static readonly Tensor ThreeActual = tensor(new long[] { 0, 0, 1, 1, 2, 2, 2 });
    static readonly Tensor ThreePredicted = tensor(new long[] { 0, 1, 1, 1, 2, 0, 2 });

    [Fact]
    public void Binary_metrics_match_the_hand_counts()
    {
        Assert.Equal(5.0 / 8, ClassificationMetrics.Accuracy(BinaryPredicted, BinaryActual), 12);
        Assert.Equal(3.0 / 5, ClassificationMetrics.Precision(BinaryPredicted, BinaryActual), 12);
        Assert.Equal(3.0 / 4, ClassificationMetrics.Recall(BinaryPredicted, BinaryActual), 12);
        Assert.Equal(2 * 0.6 * 0.75 / (0.6 + 0.75), ClassificationMetrics.F1(BinaryPredicted, BinaryActual), 12);
        // With 0 as the positive class: TP 2, FP 1, FN 2.
        Assert.Equal(2.0 / 3, ClassificationMetrics.Precision(BinaryPredicted, BinaryActual, positiveClass: 0), 12);
        Assert.Equal(2.0 / 4, ClassificationMetrics.Recall(BinaryPredicted, BinaryActual, positiveClass: 0), 12);
    }

    [Fact]
    public void The_confusion_matrix_puts_actual_classes_in_rows()
    {
        var matrix = ConfusionMatrix.From(ThreePredicted, ThreeActual);

        long[,] expected = { { 1, 1, 0 }, { 0, 2, 0 }, { 1, 0, 2 } };
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 3; j++) Assert.Equal(expected[i, j], matrix[i, j]);
        Assert.Equal(7, matrix.Total);
        Assert.Equal((1, 1, 1), (matrix.TruePositives(0), matrix.FalsePositives(0), matrix.FalseNegatives(0)));
    }

    [Fact]
    public void Macro_averages_weigh_every_class_the_same()
    {
        // precision per class 1/2, 2/3, 2/2; recall 1/2, 2/2, 2/3; F1 = 2TP/(2TP+FP+FN): 2/4, 4/5, 4/5.
        Assert.Equal((0.5 + 2.0 / 3 + 1) / 3, ClassificationMetrics.Precision(ThreePredicted, ThreeActual, Averaging.Macro), 12);
        Assert.Equal((0.5 + 1 + 2.0 / 3) / 3, ClassificationMetrics.Recall(ThreePredicted, ThreeActual, Averaging.Macro), 12);
        Assert.Equal((0.5 + 0.8 + 0.8) / 3, ClassificationMetrics.F1(ThreePredicted, ThreeActual, Averaging.Macro), 12);
        Assert.Equal(5.0 / 7, ClassificationMetrics.Accuracy(ThreePredicted, ThreeActual), 12);
    }

    [Fact]
    public void A_class_never_predicted_has_precision_zero_not_NaN()
    {
        var actual = tensor(new long[] { 1, 1, 0 });
        var predicted = tensor(new long[] { 0, 0, 0 });
        Assert.Equal(0, ClassificationMetrics.Precision(predicted, actual));
        Assert.Equal(0, ClassificationMetrics.F1(predicted, actual));
    }

    [Fact]
    public void Binary_averaging_of_three_classes_is_refused()
    {
        var error = Assert.Throws<InvalidOperationException>(() => ClassificationMetrics.F1(ThreePredicted, ThreeActual));
        Assert.Contains("got 3", error.Message);
    }

    [Fact]
    public void Mismatched_lengths_name_both_shapes()
    {
        var error = Assert.Throws<ArgumentException>(() => ClassificationMetrics.Accuracy(zeros(4, dtype: int64), zeros(5, dtype: int64)));
        Assert.Contains("got predictions of shape [4] and labels of shape [5]", error.Message);
    }

    [Fact]
    public void Labels_come_from_argmax_or_a_threshold()
    {
        var logits = tensor(new float[] { 0.1f, 2f, 3f, -1f }, 2, 2);
        Assert.Equal([1L, 0L], ClassLabels.FromLogits(logits).data<long>().ToArray());
        var single = tensor(new float[] { -0.5f, 0f, 0.5f }).unsqueeze(1);
        Assert.Equal([0L, 0L, 1L], ClassLabels.FromLogits(single).data<long>().ToArray());
        var probabilities = tensor(new float[] { 0.2f, 0.5f, 0.7f });
        Assert.Equal([0L, 1L, 1L], ClassLabels.FromProbabilities(probabilities).data<long>().ToArray());
        var error = Assert.Throws<ArgumentException>(() => ClassLabels.FromLogits(zeros(2, 3, 4)));
        Assert.Contains("got [2, 3, 4]", error.Message);
    }

    [Fact]
    public void Fractional_labels_are_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => ConfusionMatrix.From(tensor(new[] { 0.3f, 0.9f }), tensor(new long[] { 0, 1 })));
        Assert.Contains("ClassLabels", error.Message);
    }

    [Fact]
    public void The_confusion_matrix_is_shown_as_a_table()
    {
        string text = BookFormatters.Format(ConfusionMatrix.From(BinaryPredicted, BinaryActual));
        Assert.Equal(
            ["          predicted 0  predicted 1", "──────────────────────────────────", "actual 0            2            2",
             "actual 1            1            3", "──────────────────────────────────", "accuracy 0.625 over 8 samples"],
            text.Split('\n'));
    }
}
