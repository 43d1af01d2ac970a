using Book.Runtime;
using static TorchSharp.torch;

namespace Book.Serving;

/// <summary>
/// This machine's own roofline numbers, measured rather than read from a datasheet (chapter 12), with TorchSharp's
/// current thread count. Memory bandwidth: the sum of a float32 tensor far larger than the processor's caches
/// (one addition per 4 bytes read, so the reading is all that counts) — bytes ÷ seconds. Arithmetic: a
/// matrix product [m, k] × [k, n], 2·m·k·n FLOPs ÷ seconds. Each is the best of a few runs.
/// </summary>
public static class MeasuredHardware
{
    /// <summary>Measures bandwidth over <paramref name="megabytes"/> MB and a <paramref name="size"/>² matrix product.</summary>
    public static Accelerator Measure(int megabytes = 128, int size = 1024, int repeats = 5)
    {
        if (megabytes < 16) throw new ArgumentOutOfRangeException(nameof(megabytes), megabytes, "Expected at least 16 MB, to be larger than the caches.");
        using var scope = NewDisposeScope();
        var big = ones(megabytes * 1_000_000L / 4, dtype: ScalarType.Float32);
        double readSeconds = Timing.Best(() => big.sum().item<float>(), repeats);
        var a = randn(size, size);
        var b = randn(size, size);
        double productSeconds = Timing.Best(() => a.matmul(b).sum().item<float>(), repeats);
        double flops = 2.0 * size * size * size;
        return new Accelerator($"this machine ({Devices.Describe()})", flops / productSeconds / 1e12, megabytes * 1e6 / readSeconds / 1e12,
            0, $"measured by {nameof(MeasuredHardware)}: sum over {megabytes} MB, {size}×{size} matrix product");
    }
}
