using System.Globalization;
using static TorchSharp.torch;

namespace Book.Runtime;

/// <summary>
/// One call that makes a run repeatable: seeds TorchSharp's generator (CPU and CUDA), the shared
/// <see cref="System.Random"/> the library's data helpers use, fixes the number of CPU threads and
/// sets the invariant culture so numbers print the same everywhere.
/// Every chapter calls <c>Reproducibility.Seed(...)</c> in its first code cell.
/// </summary>
public static class Reproducibility
{
    /// <summary>The seed of the last <see cref="Seed"/> call (0 until then).</summary>
    public static int CurrentSeed { get; private set; }

    /// <summary>The random source for data order (shuffling, splits); reset by <see cref="Seed"/>.</summary>
    public static Random Random { get; private set; } = new(0);

    /// <summary>Seeds every random source and fixes threads and culture.</summary>
    /// <param name="seed">Any non-negative integer; the book uses 42.</param>
    /// <param name="threads">CPU threads for TorchSharp kernels; 1 gives bit-identical results on any machine.</param>
    public static void Seed(int seed = 42, int threads = 1)
    {
        if (seed < 0) throw new ArgumentOutOfRangeException(nameof(seed), seed, "Expected a non-negative seed.");
        if (threads < 1) throw new ArgumentOutOfRangeException(nameof(threads), threads, "Expected at least one thread.");
        CurrentSeed = seed;
        Random = new Random(seed);
        manual_seed(seed);
        if (cuda.is_available()) cuda.manual_seed_all(seed);
        set_num_threads(threads);
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
    }
}
