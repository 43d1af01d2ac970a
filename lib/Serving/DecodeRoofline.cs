using System.Globalization;

namespace Book.Serving;

/// <summary>
/// How fast a decoder can generate, from arithmetic alone (chapter 12). Generating one token for each of b
/// sequences runs every weight once per sequence — about 2N FLOPs per token (a multiply and an add per weight;
/// Kaplan et al. 2020) — and reads every weight from memory once for the whole batch, plus each sequence's
/// key/value cache. A step therefore takes at least
/// <code>t(b) = max( 2·N·b / peak FLOP/s ,  (N·bytes + b·T·c) / bandwidth )</code>
/// for N parameters of <c>bytes</c> each, T cached tokens per sequence and c cache bytes per token. At small b the
/// second term wins: decoding is memory-bound, a sequence gets about bandwidth ÷ (N·bytes) tokens per second, and
/// adding sequences to the batch is almost free. Throughput b/t(b) rises with b until the first term takes over
/// at the critical batch b* = peak·bytes / (2·bandwidth) (without the cache) — compute-bound from there on.
/// Attention's own FLOPs and all overheads are left out, so real servers reach a fraction of these bounds.
/// </summary>
/// <param name="Parameters">N.</param>
/// <param name="BytesPerParameter">2 for 16-bit weights, 1 for int8, 4 for float32.</param>
/// <param name="Hardware">The processor.</param>
/// <param name="CacheBytesPerToken">c, key/value cache bytes per token (<see cref="Models.TransformerLanguageModel.KeyValueCache.BytesPerToken"/>); 0 to ignore.</param>
/// <param name="CachedTokens">T, tokens already in each sequence's cache.</param>
public sealed record DecodeRoofline(double Parameters, double BytesPerParameter, Accelerator Hardware, double CacheBytesPerToken = 0, double CachedTokens = 0)
{
    /// <summary>2·N: FLOPs per generated token.</summary>
    public double FlopsPerToken => 2 * Parameters;

    /// <summary>N·bytes: the weights one step reads.</summary>
    public double WeightBytes => Parameters * BytesPerParameter;

    /// <summary>The lower bound t(b) on one decoding step for <paramref name="batch"/> sequences, in seconds.</summary>
    public double StepSeconds(int batch)
    {
        if (batch < 1) throw new ArgumentOutOfRangeException(nameof(batch), batch, "Expected a batch of at least one sequence.");
        double compute = FlopsPerToken * batch / Hardware.FlopsPerSecond;
        double memory = (WeightBytes + batch * CachedTokens * CacheBytesPerToken) / Hardware.BytesPerSecond;
        return Math.Max(compute, memory);
    }

    /// <summary>Whether memory, not arithmetic, bounds a step of <paramref name="batch"/> sequences.</summary>
    public bool MemoryBound(int batch) =>
        (WeightBytes + batch * CachedTokens * CacheBytesPerToken) / Hardware.BytesPerSecond >= FlopsPerToken * batch / Hardware.FlopsPerSecond;

    /// <summary>Tokens per second each sequence sees: 1 / t(b).</summary>
    public double TokensPerSecondPerSequence(int batch) => 1 / StepSeconds(batch);

    /// <summary>Tokens per second of the whole batch: b / t(b).</summary>
    public double TokensPerSecond(int batch) => batch / StepSeconds(batch);

    /// <summary>b* = peak·bytes / (2·bandwidth): the batch where the weights' reading and the arithmetic take equally long (cache ignored).</summary>
    public double CriticalBatch => Hardware.FlopsPerSecond * BytesPerParameter / (2 * Hardware.BytesPerSecond);

    /// <summary>
    /// How many sequences of <see cref="CachedTokens"/> tokens fit in the memory left after the weights, each needing
    /// T·c bytes of cache; 0 when the weights alone do not fit.
    /// </summary>
    public int MaxBatchInMemory()
    {
        double free = Hardware.MemoryGigabytes * 1e9 - WeightBytes;
        if (free <= 0) return 0;
        double perSequence = CachedTokens * CacheBytesPerToken;
        return perSequence <= 0 ? int.MaxValue : (int)Math.Min(int.MaxValue, Math.Floor(free / perSequence));
    }

    /// <summary>"7.00 B parameters × 2 bytes on NVIDIA H100 SXM: …".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Book.LargeModels.ShortScale.Format(Parameters)} parameters × {BytesPerParameter:G3} bytes on {Hardware.Name}");
}
