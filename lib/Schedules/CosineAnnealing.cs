namespace Book.Schedules;

/// <summary>
/// Cosine annealing (Loshchilov &amp; Hutter, SGDR, 2017), chapter 4: η glides from η₀ down to η_min
/// along half a cosine over T steps and stays at η_min afterwards,
/// <code>η_t = η_min + ½(η₀ − η_min)·(1 + cos(π·min(t, T) / T))</code>
/// For t ≤ T this is PyTorch's <c>CosineAnnealingLR(T_max = T)</c>; past T PyTorch's curve climbs back
/// up (a warm restart), which this schedule deliberately does not do.
/// </summary>
public sealed class CosineAnnealing : LearningRateSchedule
{
    /// <param name="initial">η₀ &gt; 0.</param>
    /// <param name="steps">T ≥ 1, the length of the decay.</param>
    /// <param name="minimum">η_min in [0, η₀).</param>
    public CosineAnnealing(double initial, int steps, double minimum = 0)
    {
        if (!(initial > 0)) throw new ArgumentOutOfRangeException(nameof(initial), initial, $"Expected η₀ > 0, got {initial}.");
        if (steps < 1) throw new ArgumentOutOfRangeException(nameof(steps), steps, $"Expected T ≥ 1, got {steps}.");
        if (minimum < 0 || minimum >= initial) throw new ArgumentOutOfRangeException(nameof(minimum), minimum, $"Expected η_min in [0, {initial}), got {minimum}.");
        Initial = initial;
        Steps = steps;
        Minimum = minimum;
    }

    /// <summary>η₀.</summary>
    public double Initial { get; }

    /// <summary>T, the steps from η₀ to η_min.</summary>
    public int Steps { get; }

    /// <summary>η_min.</summary>
    public double Minimum { get; }

    /// <inheritdoc />
    protected override double Compute(int step) =>
        Minimum + 0.5 * (Initial - Minimum) * (1 + Math.Cos(Math.PI * Math.Min(step, Steps) / Steps));
}
