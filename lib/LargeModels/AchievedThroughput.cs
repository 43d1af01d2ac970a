using System.Globalization;

namespace Book.LargeModels;

/// <summary>
/// How many floating-point operations per second one accelerator really delivers while training:
/// <c>achieved FLOP/s = peak FLOP/s × utilisation</c> (chapter 01). Both numbers are the reader's
/// assumptions, not facts about any product: the peak is the vendor's dense-matrix figure for the number
/// format used, the utilisation (model FLOPs utilisation) the share of it a real training run sustains.
/// </summary>
/// <param name="PeakTeraflops">Peak throughput in TFLOP/s (10¹² FLOP/s).</param>
/// <param name="Utilisation">Fraction of the peak achieved, in (0, 1].</param>
public sealed record AchievedThroughput(double PeakTeraflops, double Utilisation)
{
    /// <summary>
    /// The book's one assumption about a modern training accelerator, used wherever a chapter turns FLOPs
    /// into time or money (chapters 1, 6, 12, 13): 300 TFLOP/s peak in 16-bit formats (NVIDIA's A100 is
    /// rated 312 TFLOP/s dense BF16) at 40 % model FLOPs utilisation (PaLM reported 46.2 %, Chowdhery et
    /// al. 2022). A reader who rents other hardware changes it here, once.
    /// </summary>
    public static AchievedThroughput Reference { get; } = new(300, 0.4);

    /// <summary>peak × 10¹² × utilisation, in FLOP/s; validates both inputs.</summary>
    public double FlopsPerSecond
    {
        get
        {
            if (!(PeakTeraflops > 0)) throw new ArgumentException($"Expected a positive {nameof(PeakTeraflops)}, got {PeakTeraflops}.");
            if (!(Utilisation > 0 && Utilisation <= 1)) throw new ArgumentException($"Expected {nameof(Utilisation)} in (0, 1], got {Utilisation}.");
            return PeakTeraflops * 1e12 * Utilisation;
        }
    }

    /// <summary>E.g. "300 TFLOP/s peak × 40 % = 120 TFLOP/s achieved".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{PeakTeraflops:0.#} TFLOP/s peak × {Utilisation * 100:0.#} % = {FlopsPerSecond / 1e12:0.#} TFLOP/s achieved");
}
