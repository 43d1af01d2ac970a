using static TorchSharp.torch;

namespace Book.Data;

/// <summary>
/// Points in the plane drawn from k Gaussians whose means sit evenly on a circle (chapter 11): the classic
/// target on which a GAN's generator can be watched covering — or collapsing onto a few of — the k modes
/// (Metz et al., 2017). Mode j has mean r·(cos 2πj/k, sin 2πj/k) and standard deviation σ in each
/// coordinate; every mode is equally likely. Draws come from TorchSharp's seeded generator.
/// </summary>
public sealed class GaussianRing
{
    /// <summary>A ring of <paramref name="modes"/> Gaussians of radius <paramref name="radius"/> and spread <paramref name="std"/>.</summary>
    public GaussianRing(int modes = 8, double radius = 2, double std = 0.05)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(modes, 1);
        if (!(radius > 0) || !(std > 0))
            throw new ArgumentOutOfRangeException(nameof(radius), $"Expected a positive radius and std, got radius {radius} and std {std}.");
        (Modes, Radius, Std) = (modes, radius, std);
        var angles = Enumerable.Range(0, modes).Select(j => 2 * Math.PI * j / modes).ToArray();
        Centres = tensor(angles.SelectMany(a => new[] { (float)(radius * Math.Cos(a)), (float)(radius * Math.Sin(a)) }).ToArray(), [modes, 2]);
    }

    /// <summary>The number of modes k.</summary>
    public int Modes { get; }

    /// <summary>The circle's radius r.</summary>
    public double Radius { get; }

    /// <summary>Each mode's standard deviation σ.</summary>
    public double Std { get; }

    /// <summary>The k means, [k, 2].</summary>
    public Tensor Centres { get; }

    /// <summary><paramref name="count"/> points, [count, 2]: a mode drawn uniformly for each, plus Gaussian noise of σ.</summary>
    public Tensor Sample(long count)
    {
        using var scope = NewDisposeScope();
        var mode = randint(0, Modes, [count]);
        return (Centres.index_select(0, mode) + Std * randn(count, 2)).MoveToOuterDisposeScope();
    }
}
