using System.Globalization;

namespace Book.LargeModels;

/// <summary>
/// The compute of one training run, chapter 01's rule of thumb from Kaplan et al. (2020, "Scaling Laws for
/// Neural Language Models", arXiv:2001.08361): <c>C ≈ 6·N·D</c> FLOPs for N parameters and D training
/// tokens. Per token, the forward pass costs about 2N (one multiply and one add per weight) and the backward
/// pass about 4N (gradients with respect to activations and to weights). Attention's own T·d term per layer
/// is left out, which is fair while d is large compared with the context length.
/// </summary>
/// <param name="Parameters">N, the parameters trained.</param>
/// <param name="Tokens">D, the tokens seen in training.</param>
public sealed record TrainingCompute(double Parameters, double Tokens)
{
    /// <summary>Seconds in an hour.</summary>
    const double Hour = 3600;

    /// <summary>6·N·D, in FLOPs; validates N and D.</summary>
    public double Flops
    {
        get
        {
            if (!(Parameters > 0)) throw new ArgumentException($"Expected a positive number of parameters, got {Parameters}.");
            if (!(Tokens > 0)) throw new ArgumentException($"Expected a positive number of tokens, got {Tokens}.");
            return 6 * Parameters * Tokens;
        }
    }

    /// <summary>The same compute in petaflop/s-days (10¹⁵ FLOP/s for a day), the unit of the GPT-3 paper.</summary>
    public double PetaflopDays => Flops / (1e15 * 24 * Hour);

    /// <summary>D / N, the number Hoffmann et al. (2022) say should be about 20.</summary>
    public double TokensPerParameter => Tokens / Parameters;

    /// <summary>Accelerator-hours at <paramref name="throughput"/>: C / achieved FLOP/s / 3600.</summary>
    public double AcceleratorHours(AchievedThroughput throughput)
    {
        ArgumentNullException.ThrowIfNull(throughput);
        return Flops / throughput.FlopsPerSecond / Hour;
    }

    /// <summary>Wall-clock days when <paramref name="accelerators"/> share the work perfectly.</summary>
    public double Days(AchievedThroughput throughput, int accelerators)
    {
        if (accelerators <= 0) throw new ArgumentException($"Expected at least one accelerator, got {accelerators}.");
        return AcceleratorHours(throughput) / accelerators / 24;
    }

    /// <summary>E.g. "6 × 174.60 B parameters × 300.00 B tokens = 3.14e+23 FLOPs".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"6 × {ShortScale.Format(Parameters)} parameters × {ShortScale.Format(Tokens)} tokens = {Flops:0.00e+00} FLOPs");
}
