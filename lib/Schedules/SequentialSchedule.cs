namespace Book.Schedules;

/// <summary>
/// Two schedules one after the other, chapter 4: <c>first</c> for steps t &lt; m, then <c>second</c>
/// counted from its own step 0,
/// <code>η_t = first(t) if t &lt; m,  second(t − m) otherwise</code>
/// (PyTorch's <c>SequentialLR</c> with one milestone m). Built by <see cref="LearningRateSchedule.Then"/>.
/// </summary>
public sealed class SequentialSchedule : LearningRateSchedule
{
    /// <param name="first">The schedule for steps 0 … m−1.</param>
    /// <param name="milestone">m ≥ 1, the step where <paramref name="second"/> takes over.</param>
    /// <param name="second">The schedule from step m on.</param>
    public SequentialSchedule(LearningRateSchedule first, int milestone, LearningRateSchedule second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        if (milestone < 1) throw new ArgumentOutOfRangeException(nameof(milestone), milestone, $"Expected a milestone ≥ 1, got {milestone}.");
        First = first;
        Milestone = milestone;
        Second = second;
    }

    /// <summary>The schedule before the milestone.</summary>
    public LearningRateSchedule First { get; }

    /// <summary>m, the first step of <see cref="Second"/>.</summary>
    public int Milestone { get; }

    /// <summary>The schedule from the milestone on.</summary>
    public LearningRateSchedule Second { get; }

    /// <inheritdoc />
    protected override double Compute(int step) => step < Milestone ? First.At(step) : Second.At(step - Milestone);
}
