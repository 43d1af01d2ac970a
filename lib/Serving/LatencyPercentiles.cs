using System.Globalization;

namespace Book.Serving;

/// <summary>
/// How long requests took, summarised the way service-level objectives are written (chapter 12): the
/// median p50 and the tail p95 and p99 — "99 % of requests finish within p99". A mean hides the tail that
/// users notice, so services are judged by percentiles, here by the nearest-rank rule (<see cref="Percentile"/>):
/// always one of the measured latencies.
/// </summary>
/// <param name="Count">n, the number of latencies.</param>
/// <param name="MeanMilliseconds">The arithmetic mean.</param>
/// <param name="P50Milliseconds">The median.</param>
/// <param name="P95Milliseconds">The 95th percentile.</param>
/// <param name="P99Milliseconds">The 99th percentile.</param>
/// <param name="MaxMilliseconds">The slowest request.</param>
public sealed record LatencyPercentiles(int Count, double MeanMilliseconds, double P50Milliseconds, double P95Milliseconds,
    double P99Milliseconds, double MaxMilliseconds)
{
    /// <summary>The summary of <paramref name="milliseconds"/> (at least one value, none negative or NaN).</summary>
    public static LatencyPercentiles Of(IEnumerable<double> milliseconds)
    {
        ArgumentNullException.ThrowIfNull(milliseconds);
        var sorted = milliseconds.Order().ToArray();
        if (sorted.Length == 0) throw new ArgumentException("Expected at least one latency, got none.", nameof(milliseconds));
        if (double.IsNaN(sorted[0]) || sorted[0] < 0 || double.IsNaN(sorted[^1]))
            throw new ArgumentException($"Expected non-negative latencies, got {sorted.First(v => double.IsNaN(v) || v < 0)}.", nameof(milliseconds));
        return new LatencyPercentiles(sorted.Length, sorted.Average(),
            Percentile.NearestRank(sorted, 50), Percentile.NearestRank(sorted, 95), Percentile.NearestRank(sorted, 99), sorted[^1]);
    }

    /// <summary>"p50 1.20 ms, p95 3.40 ms, p99 5.10 ms (n = 200)".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"p50 {P50Milliseconds:F2} ms, p95 {P95Milliseconds:F2} ms, p99 {P99Milliseconds:F2} ms (n = {Count})");
}
