namespace Book.Schedules;

/// <summary>
/// Step decay, chapter 4: multiply η by γ every <c>s</c> steps,
/// <code>η_t = η₀ · γ^⌊t / s⌋</code>
/// (PyTorch's <c>StepLR</c>).
/// </summary>
public sealed class StepDecay : LearningRateSchedule
{
    /// <param name="initial">η₀ &gt; 0.</param>
    /// <param name="stepSize">s ≥ 1, the steps between decays.</param>
    /// <param name="gamma">γ in (0, 1], the factor applied at each decay.</param>
    public StepDecay(double initial, int stepSize, double gamma = 0.1)
    {
        if (!(initial > 0)) throw new ArgumentOutOfRangeException(nameof(initial), initial, $"Expected η₀ > 0, got {initial}.");
        if (stepSize < 1) throw new ArgumentOutOfRangeException(nameof(stepSize), stepSize, $"Expected a step size ≥ 1, got {stepSize}.");
        if (gamma is <= 0 or > 1) throw new ArgumentOutOfRangeException(nameof(gamma), gamma, $"Expected γ in (0, 1], got {gamma}.");
        Initial = initial;
        StepSize = stepSize;
        Gamma = gamma;
    }

    /// <summary>η₀.</summary>
    public double Initial { get; }

    /// <summary>s, the steps between decays.</summary>
    public int StepSize { get; }

    /// <summary>γ, the decay factor.</summary>
    public double Gamma { get; }

    /// <inheritdoc />
    protected override double Compute(int step) => Initial * Math.Pow(Gamma, step / StepSize);
}
