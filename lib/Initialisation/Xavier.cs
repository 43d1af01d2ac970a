namespace Book.Initialisation;

/// <summary>
/// Xavier/Glorot initialisation (Glorot &amp; Bengio, 2010), chapter 5: a compromise between keeping the
/// forward variance (fan_in·σ² = 1) and the backward variance (fan_out·σ² = 1),
/// <code>σ = gain·√(2 / (fan_in + fan_out))</code>
/// normal: N(0, σ²); uniform: U(−a, a) with a = gain·√(6 / (fan_in + fan_out)) = √3·σ.
/// Designed for tanh/sigmoid-like units (gain 1). Same as <c>torch.nn.init.xavier_normal_/xavier_uniform_</c>.
/// </summary>
public sealed class Xavier : Initialiser
{
    /// <param name="distribution">Normal or uniform.</param>
    /// <param name="gain">A factor for the activation that follows (1 for tanh, sigmoid or none).</param>
    public Xavier(Distribution distribution, double gain = 1) : base(distribution)
    {
        if (!(gain > 0)) throw new ArgumentOutOfRangeException(nameof(gain), gain, $"Expected a positive gain, got {gain}.");
        Gain = gain;
    }

    /// <summary>The gain multiplying σ.</summary>
    public double Gain { get; }

    /// <summary>Xavier/Glorot normal.</summary>
    public static Xavier Normal(double gain = 1) => new(Distribution.Normal, gain);

    /// <summary>Xavier/Glorot uniform (Keras' default for dense layers).</summary>
    public static Xavier Uniform(double gain = 1) => new(Distribution.Uniform, gain);

    /// <inheritdoc />
    public override double StandardDeviation(Fans fans) => Gain * Math.Sqrt(2.0 / (fans.In + fans.Out));
}
