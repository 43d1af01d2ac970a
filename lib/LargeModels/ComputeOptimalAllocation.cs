using System.Globalization;

namespace Book.LargeModels;

/// <summary>
/// How to split a compute budget C between model size and data, chapter 01's reading of Hoffmann et al.
/// (2022, "Training Compute-Optimal Large Language Models" — Chinchilla, arXiv:2203.15556): grow parameters
/// and tokens together, about k = 20 tokens per parameter. With C = 6·N·D and D = k·N:
/// <c>N = √(C / 6k)</c>, <c>D = k·N</c>. The 20 is a rule of thumb read off their fits, not a constant of nature.
/// </summary>
/// <param name="Flops">The budget C.</param>
/// <param name="Parameters">N = √(C / 6k).</param>
/// <param name="Tokens">D = k·N.</param>
public sealed record ComputeOptimalAllocation(double Flops, double Parameters, double Tokens)
{
    /// <summary>Chinchilla's rule of thumb: about 20 training tokens per parameter.</summary>
    public const double ChinchillaTokensPerParameter = 20;

    /// <summary>The compute-optimal N and D for a budget of <paramref name="flops"/>.</summary>
    public static ComputeOptimalAllocation For(double flops, double tokensPerParameter = ChinchillaTokensPerParameter)
    {
        if (!(flops > 0)) throw new ArgumentException($"Expected a positive compute budget in FLOPs, got {flops}.");
        if (!(tokensPerParameter > 0)) throw new ArgumentException($"Expected a positive number of tokens per parameter, got {tokensPerParameter}.");
        double parameters = Math.Sqrt(flops / (6 * tokensPerParameter));
        return new ComputeOptimalAllocation(flops, parameters, tokensPerParameter * parameters);
    }

    /// <summary>E.g. "3.14e+23 FLOPs → 51.18 B parameters on 1.02 T tokens".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Flops:0.00e+00} FLOPs → {ShortScale.Format(Parameters)} parameters on {ShortScale.Format(Tokens)} tokens");
}
