using System.Diagnostics;
using static TorchSharp.torch;

namespace Book.Serving;

/// <summary>
/// Wall-clock timing for the measuring cells of chapter 12. A single run is noise — the first one pays for JIT
/// compilation and memory allocation, later ones for whatever else the machine does — so <see cref="Median"/>
/// runs the work a few times after a warm-up and reports the median, and <see cref="Best"/> the fastest run,
/// the better estimate of what the hardware can do. Each run has its own dispose scope, so its tensors are freed.
/// </summary>
public static class Timing
{
    /// <summary>The median seconds of <paramref name="repeats"/> runs of <paramref name="work"/> after <paramref name="warmup"/> unmeasured ones.</summary>
    public static double Median(Action work, int repeats = 5, int warmup = 1) =>
        Percentile.NearestRank(Runs(work, repeats, warmup).Order().ToArray(), 50);

    /// <summary>The fastest of <paramref name="repeats"/> runs, in seconds, after <paramref name="warmup"/> unmeasured ones.</summary>
    public static double Best(Action work, int repeats = 5, int warmup = 1) => Runs(work, repeats, warmup).Min();

    static double[] Runs(Action work, int repeats, int warmup)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (repeats < 1) throw new ArgumentOutOfRangeException(nameof(repeats), repeats, "Expected at least one measured run.");
        for (int i = 0; i < warmup; i++) Once(work);
        return Enumerable.Range(0, repeats).Select(_ => Once(work)).ToArray();
    }

    static double Once(Action work)
    {
        Book.Runtime.Interruption.ThrowIfRequested();
        using var scope = NewDisposeScope();
        long start = Stopwatch.GetTimestamp();
        work();
        return Stopwatch.GetElapsedTime(start).TotalSeconds;
    }
}
