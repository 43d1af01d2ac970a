using System.Globalization;

namespace Book.Business;

/// <summary>
/// What a million generated tokens cost to serve (chapter 13), from the price of the hardware and how fast it
/// generates: a server rented at p dollars per hour that generates r tokens per second while busy, and is busy a
/// share u of the hours paid for, serves r·3600·u tokens per paid hour, so
/// <code>cost per 10⁶ tokens = p / (r · 3600 · u) · 10⁶.</code>
/// The utilisation u is where traffic patterns enter: servers sized for the daily peak stand idle at night.
/// </summary>
/// <param name="PricePerHour">p, dollars per hour of the server (or accelerator).</param>
/// <param name="TokensPerSecond">r, tokens per second while it is busy.</param>
/// <param name="Utilisation">u, the share of paid hours spent generating, in (0, 1].</param>
public sealed record ServingCost(double PricePerHour, double TokensPerSecond, double Utilisation)
{
    /// <summary>Hours in an average month: 365 × 24 / 12.</summary>
    public const double HoursPerMonth = 730;

    /// <summary>p / (r · 3600 · u) · 10⁶, in dollars; validates the three inputs.</summary>
    public double PerMillionTokens
    {
        get
        {
            if (!(PricePerHour >= 0)) throw new ArgumentException($"Expected a non-negative price per hour, got {PricePerHour}.");
            if (!(TokensPerSecond > 0)) throw new ArgumentException($"Expected a positive throughput in tokens per second, got {TokensPerSecond}.");
            if (!(Utilisation > 0 && Utilisation <= 1)) throw new ArgumentException($"Expected a utilisation in (0, 1], got {Utilisation}.");
            return PricePerHour / (TokensPerSecond * 3600 * Utilisation) * 1e6;
        }
    }

    /// <summary>Tokens one server serves in a month at this utilisation: r · 3600 · u · 730.</summary>
    public double TokensPerMonth => TokensPerSecond * 3600 * Utilisation * HoursPerMonth;

    /// <summary>"$0.94 per million tokens ($6.88/h, 4050 tokens/s, 50 % busy)".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"${PerMillionTokens:F3} per million tokens (${PricePerHour:G4}/h, {TokensPerSecond:F0} tokens/s, {100 * Utilisation:F0} % busy)");
}
