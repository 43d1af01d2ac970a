using System.Diagnostics;

namespace Book.Bench;

/// <summary>
/// How every figure of <c>book bench</c> is taken on a shared, noisy machine: two contenders run
/// alternately, run after run, so that a burst of load hits both; each figure is the median over runs,
/// and a comparison is the median of the per-run ratios, never a ratio of two separate averages.
/// </summary>
static class Timing
{
    /// <summary>Seconds that <paramref name="action"/> takes: wall-clock time, for latencies (a cell, a round trip, a process).</summary>
    public static double Seconds(Action action)
    {
        var clock = Stopwatch.StartNew();
        action();
        return clock.Elapsed.TotalSeconds;
    }

    /// <summary>
    /// The CPU time (user + system, all threads) this process spends in <paramref name="action"/>: for computation.
    /// On a machine shared with other programs it barely moves with their load, where wall-clock time doubles;
    /// computing on one thread, it equals the wall-clock time of a quiet machine.
    /// </summary>
    public static double CpuSeconds(Action action)
    {
        using var process = Process.GetCurrentProcess();
        var before = process.TotalProcessorTime;
        action();
        process.Refresh();
        return (process.TotalProcessorTime - before).TotalSeconds;
    }

    /// <summary>
    /// Runs <paramref name="a"/> and <paramref name="b"/> once each untimed (warm-up), then
    /// <paramref name="runs"/> times alternately; each returns the seconds it measured itself.
    /// </summary>
    public static Comparison Alternate(Func<double> a, Func<double> b, int runs, Action<int>? onRun = null)
    {
        a();
        b();
        var (timesA, timesB) = (new List<double>(), new List<double>());
        for (int run = 1; run <= runs; run++)
        {
            onRun?.Invoke(run);
            // Swap the order every run, so neither always follows the other (caches, frequency boosts).
            if (run % 2 == 1) { timesA.Add(a()); timesB.Add(b()); }
            else { timesB.Add(b()); timesA.Add(a()); }
        }
        return new Comparison(timesA, timesB);
    }

    /// <summary>The median of <paramref name="values"/> (the mean of the middle two for an even count).</summary>
    public static double Median(IEnumerable<double> values) => Percentile(values, 50);

    /// <summary>The <paramref name="percent"/>-th percentile of <paramref name="values"/>, interpolated between ranks.</summary>
    public static double Percentile(IEnumerable<double> values, double percent)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0) throw new ArgumentException("Expected at least one measurement, got none.", nameof(values));
        double rank = percent / 100 * (sorted.Length - 1);
        int below = (int)Math.Floor(rank);
        int above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + (rank - below) * (sorted[above] - sorted[below]);
    }
}

/// <summary>Seconds of two contenders measured run by run, alternately.</summary>
sealed record Comparison(IReadOnlyList<double> A, IReadOnlyList<double> B)
{
    /// <summary>The median of the per-run ratios B / A: 1.05 means B took 5 % longer than A.</summary>
    public double Ratio => Timing.Median(A.Zip(B, (a, b) => b / a));

    /// <summary>The median seconds of A.</summary>
    public double MedianA => Timing.Median(A);

    /// <summary>The median seconds of B.</summary>
    public double MedianB => Timing.Median(B);
}
