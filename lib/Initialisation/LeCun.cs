namespace Book.Initialisation;

/// <summary>
/// LeCun initialisation (LeCun et al., "Efficient BackProp", 1998), chapter 5:
/// <code>σ = 1/√fan_in,   i.e.  w ~ N(0, 1/fan_in)</code>
/// It keeps Var(z) = fan_in·σ²·Var(x) = Var(x) for a linear layer, so it suits tanh-like units around 0.
/// This is what the source's "N(0, 1/√n_in)" (seed 002 §4.3) means once the second argument is read as a
/// standard deviation; read as a variance, as the N(μ, σ²) notation says, it would be σ = n_in^(−1/4).
/// </summary>
public sealed class LeCun : Initialiser
{
    /// <param name="distribution">Normal (default) or uniform with the same σ.</param>
    public LeCun(Distribution distribution = Distribution.Normal) : base(distribution) { }

    /// <inheritdoc />
    public override double StandardDeviation(Fans fans) => 1 / Math.Sqrt(fans.In);
}
