namespace Book.Initialisation;

/// <summary>
/// A fixed Gaussian, chapter 5: w ~ N(0, σ²) with the same σ (e.g. 0.01 or 1) for every layer,
/// whatever its width. Too small a σ makes activations shrink layer after layer (vanishing), too
/// large makes them grow or saturate (exploding); chapter 5 plots both.
/// </summary>
public sealed class Normal : Initialiser
{
    readonly double sigma;

    /// <param name="standardDeviation">σ ≥ 0 (not the variance).</param>
    public Normal(double standardDeviation) : base(Distribution.Normal)
    {
        if (!(standardDeviation >= 0)) throw new ArgumentOutOfRangeException(nameof(standardDeviation), standardDeviation, $"Expected σ ≥ 0, got {standardDeviation}.");
        sigma = standardDeviation;
    }

    /// <inheritdoc />
    public override double StandardDeviation(Fans fans) => sigma;

    /// <inheritdoc />
    public override string ToString() => FormattableString.Invariant($"Normal (σ = {sigma:G4})");
}
