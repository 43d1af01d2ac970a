using Book.Losses;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace Book.Tests.Losses;

/// <summary>Each loss written from its formula must agree with TorchSharp's own, value and gradient.</summary>
[Collection(SeededCollection.Name)]
public class LossesAgainstTorchSharpTests
{
    static Tensor Random(params long[] shape)
    {
        Book.Runtime.Reproducibility.Seed(3);
        return randn(shape, dtype: float64);
    }

    static void AssertClose(Tensor expected, Tensor actual, double tolerance = 1e-10) =>
        Assert.True(expected.allclose(actual, rtol: tolerance, atol: tolerance),
            $"expected {expected.ToString(TorchSharp.TensorStringStyle.Numpy)}, got {actual.ToString(TorchSharp.TensorStringStyle.Numpy)}");

    [Theory]
    [InlineData(Reduction.Mean, nn.Reduction.Mean)]
    [InlineData(Reduction.Sum, nn.Reduction.Sum)]
    [InlineData(Reduction.None, nn.Reduction.None)]
    public void Mean_squared_error_matches_mse_loss(Reduction ours, nn.Reduction theirs)
    {
        var prediction = Random(6, 3);
        var target = prediction.flip(0);
        AssertClose(F.mse_loss(prediction, target, theirs), MeanSquaredError.Of(prediction, target, ours));
    }

    [Fact]
    public void Mean_absolute_error_matches_l1_loss()
    {
        var prediction = Random(10);
        var target = prediction.roll(1);
        AssertClose(F.l1_loss(prediction, target), MeanAbsoluteError.Of(prediction, target));
    }

    [Fact]
    public void Cross_entropy_from_logits_matches_cross_entropy_value_and_gradient()
    {
        var logits = Random(5, 4).requires_grad_(true);
        var classes = tensor(new long[] { 0, 3, 1, 1, 2 });
        var ours = CrossEntropy.FromLogits(logits, classes);
        var theirs = F.cross_entropy(logits, classes);
        AssertClose(theirs, ours);
        var ourGradient = autograd.grad([ours], [logits])[0];
        var theirGradient = autograd.grad([theirs], [logits])[0];
        AssertClose(theirGradient, ourGradient);
    }

    [Fact]
    public void Cross_entropy_from_probabilities_equals_from_logits_for_softmax_probabilities()
    {
        var logits = Random(5, 4);
        var classes = tensor(new long[] { 2, 0, 1, 3, 3 });
        var oneHot = F.one_hot(classes, 4).to(float64);
        AssertClose(CrossEntropy.FromLogits(logits, classes), CrossEntropy.FromProbabilities(logits.softmax(1), oneHot));
    }

    [Fact]
    public void Binary_cross_entropy_matches_including_clamping_at_0_and_1()
    {
        var probabilities = tensor(new[] { 0.7, 0.3, 0.9, 0.1, 0.0, 1.0 });
        var targets = tensor(new[] { 1.0, 0.0, 1.0, 0.0, 1.0, 1.0 });
        AssertClose(F.binary_cross_entropy(probabilities, targets), BinaryCrossEntropy.Of(probabilities, targets));
    }

    [Fact]
    public void Binary_cross_entropy_of_a_saturated_sigmoid_has_torchsharps_value_and_zero_gradient()
    {
        var logit = tensor(new[] { 30f }).requires_grad_(true);
        var label = tensor(new[] { 0f });
        var ours = BinaryCrossEntropy.Of(logit.sigmoid(), label);
        var theirs = F.binary_cross_entropy(logit.sigmoid(), label);
        Assert.Equal(theirs.item<float>(), ours.item<float>(), 4);
        Assert.Equal(autograd.grad([theirs], [logit])[0].item<float>(), autograd.grad([ours], [logit])[0].item<float>());
    }

    [Fact]
    public void Binary_cross_entropy_with_logits_matches_and_stays_finite_for_huge_scores()
    {
        var logits = tensor(new[] { -3.0, 0.5, 2.0, 800.0, -800.0 }).requires_grad_(true);
        var targets = tensor(new[] { 0.0, 1.0, 0.0, 0.0, 1.0 });
        var ours = BinaryCrossEntropyWithLogits.Of(logits, targets);
        var theirs = F.binary_cross_entropy_with_logits(logits, targets);
        AssertClose(theirs, ours);
        Assert.True(double.IsFinite(ours.item<double>()));
        AssertClose(autograd.grad([theirs], [logits])[0], autograd.grad([ours], [logits])[0]);
    }

    [Fact]
    public void Binary_cross_entropy_with_logits_has_the_gradient_sigma_minus_y_at_exactly_zero()
    {
        // A model started from zero weights scores every sample z = 0; max(z, 0) and |z| have no derivative there.
        var logits = zeros(4, dtype: float64).requires_grad_(true);
        var targets = tensor(new[] { 0.0, 1.0, 0.0, 1.0 });
        var gradient = autograd.grad([BinaryCrossEntropyWithLogits.Of(logits, targets, Reduction.Sum)], [logits])[0];
        AssertClose(tensor(new[] { 0.5, -0.5, 0.5, -0.5 }), gradient);
    }

    [Fact]
    public void Log_sum_exp_is_stable_where_the_naive_formula_overflows()
    {
        var logits = tensor(new[] { 1000.0, 1001.0, 1002.0 }, dtype: float32);
        Assert.True(float.IsPositiveInfinity(LogSumExp.Naive(logits).item<float>()));
        AssertClose(logits.logsumexp(0), LogSumExp.Of(logits), 1e-6);
    }

    [Fact]
    public void Kl_divergence_matches_kl_div_and_splits_cross_entropy_into_entropy_and_kl()
    {
        var p = Random(4, 5).softmax(1);
        var q = (2 * Random(4, 5).flip(1)).softmax(1);
        AssertClose(F.kl_div(q.log(), p, log_target: false, reduction: nn.Reduction.Sum) / 4, KLDivergence.Of(p, q));
        AssertClose(CrossEntropy.FromProbabilities(q, p), Entropy.Of(p) + KLDivergence.Of(p, q));
    }

    [Fact]
    public void Kl_divergence_is_zero_only_for_equal_distributions_and_not_symmetric()
    {
        var p = tensor(new[] { 0.7, 0.2, 0.1 });
        var q = tensor(new[] { 0.2, 0.3, 0.5 });
        Assert.Equal(0, KLDivergence.Of(p, p).item<double>(), 15);
        Assert.True(KLDivergence.Of(p, q).item<double>() > 0.1);
        Assert.NotEqual(KLDivergence.Of(p, q).item<double>(), KLDivergence.Of(q, p).item<double>(), 3);
    }

    [Fact]
    public void Entropy_is_zero_for_a_certain_outcome_and_log_c_for_a_uniform_one()
    {
        Assert.Equal(0, Entropy.Of(tensor(new[] { 0.0, 1.0, 0.0 })).item<double>(), 15);
        Assert.Equal(Math.Log(4), Entropy.Of(full(4, 0.25, dtype: float64)).item<double>(), 15);
        Assert.Throws<ArgumentException>(() => Entropy.Of(zeros(2, 2, 2)));
    }

    [Fact]
    public void Gaussian_negative_log_likelihood_matches_gaussian_nll_loss_and_is_mse_over_two_variance_plus_a_constant()
    {
        var prediction = Random(12);
        var target = prediction.roll(3) + 0.5;
        // TorchSharp adds its ½·log 2π as a float32 constant, hence 1e-7 rather than 1e-10.
        AssertClose(F.gaussian_nll_loss(prediction, target, full(12, 0.3, dtype: float64), full: true),
            GaussianNegativeLogLikelihood.Of(prediction, target, 0.3), tolerance: 1e-7);
        var constant = GaussianNegativeLogLikelihood.Of(prediction, target, 0.3) - MeanSquaredError.Of(prediction, target) / 0.6;
        Assert.Equal(0.5 * Math.Log(2 * Math.PI * 0.3), constant.item<double>(), 12);
        Assert.Throws<ArgumentOutOfRangeException>(() => GaussianNegativeLogLikelihood.Of(prediction, target, 0));
    }
}
