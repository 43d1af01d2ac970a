using Book.Optimizers;

namespace Book.Schedules;

/// <summary>
/// A learning-rate schedule, chapter 4: η as a function of the step t = 0, 1, 2, … (a closed form,
/// so it can be plotted, tested and resumed at any step). Call <see cref="ApplyTo"/> before each
/// optimizer step, or read <see cref="At"/>.
/// </summary>
public abstract class LearningRateSchedule
{
    /// <summary>η_t, the learning rate for step <paramref name="step"/> (counted from 0).</summary>
    public double At(int step)
    {
        if (step < 0) throw new ArgumentOutOfRangeException(nameof(step), step, $"Expected a step ≥ 0, got {step}.");
        return Compute(step);
    }

    /// <summary>The schedule's formula, for a step already checked to be ≥ 0.</summary>
    protected abstract double Compute(int step);

    /// <summary>η_0 … η_{count−1}, for plots.</summary>
    public double[] Values(int count) => Enumerable.Range(0, count).Select(At).ToArray();

    /// <summary>Sets the optimizer's learning rate to η_<paramref name="step"/>.</summary>
    public void ApplyTo(Optimizer optimizer, int step)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        optimizer.LearningRate = At(step);
    }

    /// <summary>
    /// <paramref name="optimizer"/> with its learning rate set from this schedule before every step, for a
    /// training loop that only calls <c>Step()</c> (a <see cref="Training.Trainer"/>).
    /// </summary>
    public ScheduledOptimizer Drive(Optimizer optimizer) => new(optimizer, this);

    /// <summary>
    /// This schedule for the first <paramref name="steps"/> steps, then <paramref name="next"/> restarted
    /// at its own step 0 (PyTorch's <c>SequentialLR</c>). Warm-up followed by cosine decay is
    /// <c>new LinearWarmup(η, 100).Then(100, new CosineAnnealing(η, 900))</c>.
    /// </summary>
    public LearningRateSchedule Then(int steps, LearningRateSchedule next) => new SequentialSchedule(this, steps, next);
}
