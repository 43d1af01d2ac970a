using System.Globalization;

namespace Book.Metrics;

/// <summary>
/// How sure a measured proportion is (chapter 07): a model right on k of n test samples has accuracy
/// p̂ = k/n, but another n samples would give another k. The Wilson score interval holds the true
/// accuracy p with the chosen confidence (z = 1.96 for 95 %):
/// <code>
/// centre = (p̂ + z²/2n) / (1 + z²/n),    half-width = z·√(p̂(1 − p̂)/n + z²/4n²) / (1 + z²/n)
/// </code>
/// Unlike the textbook p̂ ± z√(p̂(1 − p̂)/n), it stays inside [0, 1] and does not shrink to a point when
/// k = n: 20 out of 20 right still leaves p as low as about 0.84.
/// </summary>
/// <param name="Low">The lower end.</param>
/// <param name="High">The upper end.</param>
public sealed record WilsonInterval(double Low, double High)
{
    /// <summary>z for a two-sided 95 % interval: Φ⁻¹(0.975).</summary>
    public const double Z95 = 1.959963984540054;

    /// <summary>The interval for <paramref name="successes"/> out of <paramref name="trials"/>.</summary>
    /// <param name="z">The normal quantile of the confidence level; <see cref="Z95"/> by default.</param>
    public static WilsonInterval For(long successes, long trials, double z = Z95)
    {
        if (trials < 1) throw new ArgumentOutOfRangeException(nameof(trials), trials, "Expected at least one trial.");
        if (successes < 0 || successes > trials)
            throw new ArgumentOutOfRangeException(nameof(successes), successes, $"Expected between 0 and {trials} successes.");
        if (!(z > 0)) throw new ArgumentOutOfRangeException(nameof(z), z, "Expected a positive z.");
        double n = trials, p = successes / n, z2 = z * z;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2 * n)) / denominator;
        double half = z * Math.Sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denominator;
        return new WilsonInterval(Math.Max(0, centre - half), Math.Min(1, centre + half));
    }

    /// <summary>High − Low.</summary>
    public double Width => High - Low;

    /// <summary>"[0.764, 0.991]".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"[{Low:F3}, {High:F3}]");
}
