using static TorchSharp.torch;

namespace Book.Losses;

/// <summary>How per-sample losses ℓᵢ become one number: their mean (1/n)Σℓᵢ, their sum Σℓᵢ, or none (the vector ℓ).</summary>
public enum Reduction
{
    /// <summary>(1/n) Σ ℓᵢ — the default everywhere in the book, as in TorchSharp.</summary>
    Mean,
    /// <summary>Σ ℓᵢ.</summary>
    Sum,
    /// <summary>The per-sample losses themselves.</summary>
    None,
}

static class ReductionExtensions
{
    /// <summary>Applies the reduction to per-sample losses.</summary>
    public static Tensor Apply(this Reduction reduction, Tensor perSample) => reduction switch
    {
        Reduction.Mean => perSample.mean(),
        Reduction.Sum => perSample.sum(),
        Reduction.None => perSample,
        _ => throw new ArgumentOutOfRangeException(nameof(reduction), reduction, "Expected Mean, Sum or None."),
    };
}
