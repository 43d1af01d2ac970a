namespace Book.Initialisation;

/// <summary>
/// He/Kaiming initialisation (He et al., 2015), chapter 5, for ReLU layers. ReLU zeroes half of a
/// symmetric input, halving the second moment, so the variance must be doubled to keep it constant:
/// <code>σ = √(2 / fan_in)     (variance 2/fan_in, gain √2)</code>
/// normal: N(0, 2/fan_in); uniform: U(−a, a) with a = √(6 / fan_in) = √3·σ.
/// Same as <c>torch.nn.init.kaiming_normal_/kaiming_uniform_</c> with mode fan_in and nonlinearity ReLU.
/// </summary>
public sealed class He : Initialiser
{
    /// <param name="distribution">Normal or uniform.</param>
    public He(Distribution distribution) : base(distribution) { }

    /// <summary>He/Kaiming normal.</summary>
    public static He Normal() => new(Distribution.Normal);

    /// <summary>He/Kaiming uniform.</summary>
    public static He Uniform() => new(Distribution.Uniform);

    /// <inheritdoc />
    public override double StandardDeviation(Fans fans) => Math.Sqrt(2.0 / fans.In);
}
