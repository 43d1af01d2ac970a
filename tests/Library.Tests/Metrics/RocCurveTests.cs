using Book.Display;
using Book.Metrics;
using static TorchSharp.torch;

namespace Book.Tests.Metrics;

public class RocCurveTests
{
    [Fact]
    public void Tied_scores_make_one_diagonal_step_and_count_half_in_the_area()
    {
        // Positives score 0.9, 0.8, 0.4; negatives 0.8, 0.3. The tie at 0.8 moves both rates at once.
        var scores = tensor(new[] { 0.9, 0.8, 0.8, 0.4, 0.3 });
        var actual = tensor(new long[] { 1, 1, 0, 1, 0 });

        var roc = RocCurve.From(scores, actual);

        Assert.Equal([double.PositiveInfinity, 0.9, 0.8, 0.4, 0.3], roc.Thresholds);
        Assert.Equal([0, 0, 0.5, 0.5, 1], roc.FalsePositiveRates);
        Assert.Equal([0, 1.0 / 3, 2.0 / 3, 1, 1], roc.TruePositiveRates);
        // Pairs (positive, negative) ranked correctly: (0.9,0.8) (0.9,0.3) (0.8,0.3) (0.4,0.3) = 4, tie (0.8,0.8) = ½, of 6.
        Assert.Equal(4.5 / 6, roc.Auc, 12);
        Assert.Equal("ROC curve: 5 points, AUC 0.75", BookFormatters.Format(roc));
    }

    [Theory]
    [InlineData(new[] { 0.1, 0.2, 0.8, 0.9 }, 1.0)]
    [InlineData(new[] { 0.9, 0.8, 0.2, 0.1 }, 0.0)]
    [InlineData(new[] { 0.5, 0.5, 0.5, 0.5 }, 0.5)]
    public void Perfect_reversed_and_constant_scorers_have_areas_one_zero_and_one_half(double[] scores, double auc)
    {
        var actual = tensor(new long[] { 0, 0, 1, 1 });
        Assert.Equal(auc, RocCurve.From(tensor(scores), actual).Auc, 12);
    }

    [Fact]
    public void A_single_class_has_no_curve()
    {
        var error = Assert.Throws<ArgumentException>(() => RocCurve.From(tensor(new[] { 0.2, 0.4 }), tensor(new long[] { 1, 1 })));
        Assert.Contains("got 2 positive and 0 negative", error.Message);
    }
}
