using Book.Optimizers;
using Book.Training;

namespace Book.Schedules;

/// <summary>
/// An optimizer whose learning rate follows a schedule, chapter 4: before step t (counted from 0) it sets
/// η = η_t, then steps. It is an <see cref="IOptimizerStep"/>, so a <see cref="Trainer"/> drives it like
/// any optimizer: <c>new Trainer(model, loss, new CosineAnnealing(0.1, 1000).Drive(new SGD(p, 0.1)))</c>.
/// </summary>
public sealed class ScheduledOptimizer : IOptimizerStep
{
    int step;

    /// <param name="optimizer">The optimizer to step.</param>
    /// <param name="schedule">η_t for t = 0, 1, 2, …</param>
    public ScheduledOptimizer(Optimizer optimizer, LearningRateSchedule schedule)
    {
        Optimizer = optimizer ?? throw new ArgumentNullException(nameof(optimizer));
        Schedule = schedule ?? throw new ArgumentNullException(nameof(schedule));
    }

    /// <summary>The optimizer being stepped.</summary>
    public Optimizer Optimizer { get; }

    /// <summary>The schedule that sets its learning rate.</summary>
    public LearningRateSchedule Schedule { get; }

    /// <inheritdoc />
    public void ZeroGrad() => Optimizer.ZeroGrad();

    /// <summary>Sets η = η_t for the next step t, then takes it.</summary>
    public void Step()
    {
        Schedule.ApplyTo(Optimizer, step++);
        Optimizer.Step();
    }
}
