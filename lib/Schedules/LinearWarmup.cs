namespace Book.Schedules;

/// <summary>
/// Linear warm-up, chapter 4: start at a fraction f of the target η and rise linearly to η over W steps,
/// then stay there,
/// <code>η_t = η · (f + (1 − f)·min(t, W) / W)</code>
/// Large models are trained this way because Adam's second-moment estimate is unreliable in the
/// first steps. PyTorch's <c>LinearLR(start_factor = f, end_factor = 1, total_iters = W)</c>.
/// Compose with <see cref="LearningRateSchedule.Then"/> to decay afterwards.
/// </summary>
public sealed class LinearWarmup : LearningRateSchedule
{
    /// <param name="target">η &gt; 0, the rate reached after warm-up.</param>
    /// <param name="steps">W ≥ 1, the warm-up length.</param>
    /// <param name="startFactor">f in (0, 1], the fraction of η used at step 0.</param>
    public LinearWarmup(double target, int steps, double startFactor = 0.01)
    {
        if (!(target > 0)) throw new ArgumentOutOfRangeException(nameof(target), target, $"Expected η > 0, got {target}.");
        if (steps < 1) throw new ArgumentOutOfRangeException(nameof(steps), steps, $"Expected W ≥ 1, got {steps}.");
        if (startFactor is <= 0 or > 1) throw new ArgumentOutOfRangeException(nameof(startFactor), startFactor, $"Expected f in (0, 1], got {startFactor}.");
        Target = target;
        Steps = steps;
        StartFactor = startFactor;
    }

    /// <summary>η, the rate after warm-up.</summary>
    public double Target { get; }

    /// <summary>W, the warm-up length.</summary>
    public int Steps { get; }

    /// <summary>f, the starting fraction.</summary>
    public double StartFactor { get; }

    /// <inheritdoc />
    protected override double Compute(int step) =>
        Target * (StartFactor + (1 - StartFactor) * Math.Min(step, Steps) / Steps);
}
