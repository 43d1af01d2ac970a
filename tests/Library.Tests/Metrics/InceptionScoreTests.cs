using Book.Metrics;
using static TorchSharp.torch;

namespace Book.Tests.Metrics;

public class InceptionScoreTests
{
    [Fact]
    public void Confident_samples_spread_evenly_over_k_classes_score_k()
    {
        var oneHot = eye(10, dtype: ScalarType.Float64).repeat(3, 1);

        Assert.Equal(10, InceptionScore.FromProbabilities(oneHot), 6);   // zeros are clamped to 1e-12
    }

    [Fact]
    public void Confident_samples_of_two_classes_score_two_and_unsure_samples_score_one()
    {
        var twoClasses = eye(10, dtype: ScalarType.Float64)[TensorIndex.Slice(0, 2)].repeat(5, 1);
        var unsure = full(20, 10, 0.1, dtype: ScalarType.Float64);

        Assert.Equal(2, InceptionScore.FromProbabilities(twoClasses), 6);
        Assert.Equal(1, InceptionScore.FromProbabilities(unsure), 9);
    }

    [Fact]
    public void It_is_the_exponential_of_the_mean_divergence_from_the_marginal()
    {
        var p = tensor(new double[] { 0.7, 0.2, 0.1, 0.1, 0.8, 0.1, 0.3, 0.3, 0.4 }, [3, 3]);
        double[] marginal = [(0.7 + 0.1 + 0.3) / 3, (0.2 + 0.8 + 0.3) / 3, (0.1 + 0.1 + 0.4) / 3];
        var rows = p.data<double>().Chunk(3).ToArray();
        double meanKl = rows.Average(row => row.Select((q, k) => q * Math.Log(q / marginal[k])).Sum());

        Assert.Equal(Math.Exp(meanKl), InceptionScore.FromProbabilities(p), 12);
    }
}
