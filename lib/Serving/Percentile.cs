namespace Book.Serving;

/// <summary>
/// The p-th percentile of a sample by the nearest-rank rule (Hyndman and Fan's definition 1): of the sorted values
/// x₍₁₎ ≤ … ≤ x₍ₙ₎, the value x₍ₖ₎ with k = ⌈p/100 · n⌉ — always one of the observed values. Chapter 12 summarises
/// latencies with it, chapter 13 the spread of simulated profits.
/// </summary>
public static class Percentile
{
    /// <summary>x₍ₖ₎ with k = ⌈p/100 · n⌉ of ascending <paramref name="sorted"/>, for p in (0, 100].</summary>
    public static double NearestRank(IReadOnlyList<double> sorted, double percentile)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Count == 0) throw new ArgumentException("Expected at least one value, got none.", nameof(sorted));
        if (!(percentile > 0 && percentile <= 100))
            throw new ArgumentOutOfRangeException(nameof(percentile), percentile, "Expected a percentile in (0, 100].");
        int rank = (int)Math.Ceiling(percentile / 100 * sorted.Count - 1e-9);
        return sorted[Math.Clamp(rank, 1, sorted.Count) - 1];
    }
}
