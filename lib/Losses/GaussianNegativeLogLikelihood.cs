using Book.Tensors;
using static TorchSharp.torch;

namespace Book.Losses;

/// <summary>
/// The negative log-likelihood of targets under Gaussian noise around the predictions (chapter 03): if
/// y = ŷ + ε with ε ~ N(0, σ²), the probability density of y is e^(−(y − ŷ)²/(2σ²)) / √(2πσ²), so
/// <code>−log p(y | ŷ) = (y − ŷ)² / (2σ²) + ½·log(2πσ²)</code>
/// averaged over the samples. For a fixed σ it is MSE/(2σ²) plus a constant: minimising the mean squared
/// error is maximum likelihood under Gaussian noise. Matches
/// <c>torch.nn.functional.gaussian_nll_loss(ŷ, y, σ², full: true)</c>.
/// </summary>
public static class GaussianNegativeLogLikelihood
{
    /// <summary>The loss of <paramref name="prediction"/> against <paramref name="target"/> (same shape) for noise variance σ² &gt; 0.</summary>
    public static Tensor Of(Tensor prediction, Tensor target, double variance, Reduction reduction = Reduction.Mean)
    {
        Shapes.RequireSame(prediction, target, nameof(prediction), nameof(target));
        if (!(variance > 0) || double.IsInfinity(variance))
            throw new ArgumentOutOfRangeException(nameof(variance), variance, $"Expected a positive, finite noise variance σ², got {variance}.");
        return reduction.Apply((prediction - target).square() / (2 * variance) + 0.5 * Math.Log(2 * Math.PI * variance));
    }
}
