using Book.Optimizers;
using Book.Schedules;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Book.Optimization;

/// <summary>
/// A two-parameter loss J(x, y), chapter 4: small enough to draw as contours, hard enough to tell
/// optimizers apart. <see cref="Evaluate(Tensor)"/> is written with tensor operations, so autograd
/// differentiates it; <see cref="Gradient"/> is the same derivative worked out by hand (the tests check
/// they agree). <see cref="Follow"/> runs any <see cref="Optimizer"/> from a start point and records
/// its path, feeding it the hand-derived gradient: equal to autograd's, and a few times cheaper per step
/// than a backward pass through a graph this small, which lets chapter 4 race optimizers for thousands
/// of steps within its time budget.
/// </summary>
public abstract class LossSurface
{
    /// <summary>A short name for legends, e.g. "Rosenbrock".</summary>
    public abstract string Name { get; }

    /// <summary>Where J is smallest.</summary>
    public abstract (double X, double Y) Minimum { get; }

    /// <summary>J at points of shape [..., 2] (last dimension: x, y); result of shape [...].</summary>
    public abstract Tensor Evaluate(Tensor points);

    /// <summary>(∂J/∂x, ∂J/∂y), worked out by hand.</summary>
    public abstract (double X, double Y) Gradient(double x, double y);

    /// <summary>The Hessian (∂²J/∂x², ∂²J/∂x∂y, ∂²J/∂y²), worked out by hand: the curvature of J at (x, y).</summary>
    public abstract (double XX, double XY, double YY) Hessian(double x, double y);

    /// <summary>
    /// The two eigenvalues of the Hessian, smaller first: both positive at a minimum, both negative at a
    /// maximum, of opposite signs at a saddle point. Gradient descent's stability limit is η &lt; 2/λ_max.
    /// </summary>
    public (double Smaller, double Larger) Curvatures(double x, double y)
    {
        var (xx, xy, yy) = Hessian(x, y);
        double mean = (xx + yy) / 2, radius = Math.Sqrt(Math.Pow((xx - yy) / 2, 2) + xy * xy);
        return (mean - radius, mean + radius);
    }

    /// <summary>J(x, y) as a number.</summary>
    public double Evaluate(double x, double y)
    {
        using var scope = NewDisposeScope();
        return Evaluate(tensor(new[] { x, y })).item<double>();
    }

    /// <summary>J on a grid, for a contour plot: <c>z[i][j] = J(xs[j], ys[i])</c> (rows follow y).</summary>
    public double[][] Grid(double[] xs, double[] ys)
    {
        using var scope = NewDisposeScope();
        var mesh = meshgrid(new[] { tensor(xs), tensor(ys) }, indexing: "xy");
        var values = Evaluate(stack(new[] { mesh[0], mesh[1] }, -1));
        var flat = values.data<double>().ToArray();
        return Enumerable.Range(0, ys.Length).Select(i => flat.AsSpan(i * xs.Length, xs.Length).ToArray()).ToArray();
    }

    /// <summary>
    /// Runs an optimizer for <paramref name="steps"/> steps from <paramref name="start"/>: each step
    /// records θ and J(θ), sets θ's gradient to <see cref="Gradient"/> (the same numbers
    /// <c>J(θ).backward()</c> would store) and calls <see cref="Optimizer.Step"/>. With a schedule, the
    /// learning rate is set from it before every step.
    /// </summary>
    /// <param name="makeOptimizer">Builds the optimizer for the one parameter θ = (x, y), e.g. <c>p =&gt; new Adam(p, 0.1)</c>.</param>
    /// <param name="start">θ₀.</param>
    /// <param name="steps">How many updates.</param>
    /// <param name="name">The trajectory's legend; defaults to the optimizer's type name.</param>
    /// <param name="schedule">Optional learning-rate schedule.</param>
    public Trajectory Follow(Func<IEnumerable<Parameter>, Optimizer> makeOptimizer, (double X, double Y) start, int steps,
        string? name = null, LearningRateSchedule? schedule = null)
    {
        ArgumentNullException.ThrowIfNull(makeOptimizer);
        if (steps < 0) throw new ArgumentOutOfRangeException(nameof(steps), steps, $"Expected a non-negative number of steps, got {steps}.");
        using var theta = new Parameter(tensor(new[] { start.X, start.Y }));
        using var optimizer = makeOptimizer(new[] { theta });
        var xs = new double[steps + 1];
        var ys = new double[steps + 1];
        var losses = new double[steps + 1];
        for (int t = 0; ; t++)
        {
            using var scope = NewDisposeScope();
            var point = theta.data<double>();
            (xs[t], ys[t]) = (point[0], point[1]);
            losses[t] = Evaluate(xs[t], ys[t]);
            if (t == steps) break;
            schedule?.ApplyTo(optimizer, t);
            var (gx, gy) = Gradient(xs[t], ys[t]);
            theta.grad = tensor(new[] { gx, gy });
            optimizer.Step();
        }
        return new Trajectory(name ?? optimizer.GetType().Name, xs, ys, losses);
    }
}
