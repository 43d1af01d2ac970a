using Book.Tensors;
using static TorchSharp.torch;

namespace Book.Metrics;

/// <summary>
/// How well generated samples cover the modes of a mixture with known centres and spread σ (chapter 11),
/// the measures of Srivastava et al. (2017) for the ring of Gaussians: each sample belongs to its nearest
/// centre; it is <em>high quality</em> when it lies within 3σ of it (a real sample does so with probability
/// 1 − e^{−9/2} ≈ 98.9 % in two dimensions); a mode is <em>covered</em> when it holds at least a quarter of
/// its fair share (N/k) of the high-quality samples. A collapsed generator covers few modes; a generator
/// that has not learned at all produces few high-quality samples.
/// </summary>
/// <param name="Modes">The number of modes k.</param>
/// <param name="Covered">How many modes are covered.</param>
/// <param name="HighQuality">The fraction of samples within 3σ of their nearest centre.</param>
/// <param name="Shares">Per mode, the fraction of all samples that are high quality and nearest to it.</param>
public sealed record ModeCoverage(int Modes, int Covered, double HighQuality, IReadOnlyList<double> Shares)
{
    /// <summary>Measures <paramref name="samples"/> [N, d] against <paramref name="centres"/> [k, d] with spread <paramref name="std"/>.</summary>
    public static ModeCoverage Measure(Tensor samples, Tensor centres, double std)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(centres);
        Shapes.Require(samples, "samples", "batch", centres.shape[1]);
        if (!(std > 0)) throw new ArgumentOutOfRangeException(nameof(std), std, "Expected a positive spread σ.");
        using var scope = NewDisposeScope();
        var distances = cdist(samples.detach().cpu().to_type(ScalarType.Float64), centres.cpu().to_type(ScalarType.Float64));
        var (nearest, mode) = distances.min(1);
        var good = nearest.le(3 * std);
        int k = (int)centres.shape[0];
        long n = samples.shape[0];
        var counts = bincount(mode[good], minlength: k).data<long>().ToArray();
        var shares = counts.Select(c => (double)c / n).ToArray();
        int covered = shares.Count(s => s >= 0.25 / k);
        return new ModeCoverage(k, covered, good.to_type(ScalarType.Float64).mean().item<double>(), shares);
    }

    /// <summary>"modes covered: 8 of 8, high-quality samples: 97.3 %".</summary>
    public override string ToString() => $"modes covered: {Covered} of {Modes}, high-quality samples: {100 * HighQuality:F1} %";
}
