using System.Globalization;

namespace Book.Serving;

/// <summary>
/// The two numbers of a processor that bound how fast it runs a model (chapter 12): peak arithmetic throughput
/// in FLOP/s and memory bandwidth in bytes/s, plus its memory size. Vendors' figures are peaks under ideal
/// conditions and are stated with their source and date; a machine's own figures come from
/// <see cref="MeasuredHardware"/>. Their ratio, the ridge point peak ÷ bandwidth in FLOP per byte, says how many
/// operations a kernel must do per byte it reads before arithmetic, not memory, limits it (the roofline model,
/// Williams, Waterman and Patterson 2009).
/// </summary>
/// <param name="Name">What it is.</param>
/// <param name="PeakTeraflops">Peak throughput for the number format used, TFLOP/s (10¹² FLOP/s).</param>
/// <param name="BandwidthTerabytesPerSecond">Memory bandwidth, TB/s (10¹² bytes/s).</param>
/// <param name="MemoryGigabytes">Memory for weights and caches, GB (10⁹ bytes).</param>
/// <param name="Source">Where the figures come from, with a date.</param>
public sealed record Accelerator(string Name, double PeakTeraflops, double BandwidthTerabytesPerSecond, double MemoryGigabytes, string Source)
{
    /// <summary>NVIDIA A100 80 GB (SXM): 312 TFLOP/s dense BF16/FP16 with tensor cores, 2.039 TB/s HBM2e.</summary>
    public static Accelerator A100 { get; } = new("NVIDIA A100 80GB SXM", 312, 2.039, 80, "NVIDIA A100 Tensor Core GPU datasheet (2021): BF16 dense, 2,039 GB/s");

    /// <summary>NVIDIA H100 (SXM): 989 TFLOP/s dense BF16/FP16 (1,979 with 2:4 sparsity), 3.35 TB/s HBM3, 80 GB.</summary>
    public static Accelerator H100 { get; } = new("NVIDIA H100 SXM", 989, 3.35, 80, "NVIDIA H100 Tensor Core GPU datasheet (2022): BF16 dense, 3.35 TB/s");

    /// <summary>The published accelerators, older first.</summary>
    public static IReadOnlyList<Accelerator> Published { get; } = [A100, H100];

    /// <summary>
    /// <paramref name="count"/> of these working on one model as one (its weights split across them, tensor parallel):
    /// peak, bandwidth and memory add up. Communication between them is left out, so this is a bound.
    /// </summary>
    public Accelerator Times(int count) => count >= 1
        ? new($"{count} × {Name}", count * PeakTeraflops, count * BandwidthTerabytesPerSecond, count * MemoryGigabytes, Source)
        : throw new ArgumentOutOfRangeException(nameof(count), count, "Expected at least one accelerator.");

    /// <summary>Peak FLOP/s.</summary>
    public double FlopsPerSecond => PeakTeraflops * 1e12;

    /// <summary>Bytes per second.</summary>
    public double BytesPerSecond => BandwidthTerabytesPerSecond * 1e12;

    /// <summary>The ridge point, peak ÷ bandwidth: FLOPs per byte read at which a kernel stops being memory-bound.</summary>
    public double RidgeFlopsPerByte => FlopsPerSecond / BytesPerSecond;

    /// <summary>"NVIDIA H100 SXM: 989 TFLOP/s, 3.35 TB/s, ridge 295 FLOP/byte".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Name}: {PeakTeraflops:G4} TFLOP/s, {BandwidthTerabytesPerSecond:G3} TB/s, ridge {RidgeFlopsPerByte:F0} FLOP/byte");
}
