using static TorchSharp.torch;

namespace Book.Optimization;

/// <summary>
/// A tilted double well, chapter 4: the smallest surface with every kind of critical point a network's
/// loss has — a global minimum, a local minimum that is not global, and a saddle point between them:
/// <code>
/// J(x, y) = (x² − 1)² + t·x + y²
/// ∂J/∂x = 4x(x² − 1) + t,   ∂J/∂y = 2y
/// ∂²J/∂x² = 12x² − 4,   ∂²J/∂x∂y = 0,   ∂²J/∂y² = 2
/// </code>
/// The gradient vanishes where 4x³ − 4x + t = 0 and y = 0: three points for |t| &lt; 8/(3√3) ≈ 1.54. The
/// tilt t &gt; 0 lowers the left well, so the global minimum is the leftmost point and the right well's
/// bottom is only a local minimum; the middle point, where ∂²J/∂x² &lt; 0 &lt; ∂²J/∂y², is a saddle.
/// J is not convex: the chord between the two minima passes below the hump between them.
/// </summary>
public sealed class DoubleWell : LossSurface
{
    /// <param name="tilt">t, with |t| &lt; 8/(3√3) so that both wells exist.</param>
    public DoubleWell(double tilt = 0.5)
    {
        if (!(Math.Abs(tilt) < 8 / (3 * Math.Sqrt(3))))
            throw new ArgumentOutOfRangeException(nameof(tilt), tilt, $"Expected a tilt |t| < 8/(3√3) ≈ 1.54 (two wells), got {tilt}.");
        Tilt = tilt;
    }

    /// <summary>t, the slope added along x.</summary>
    public double Tilt { get; }

    /// <inheritdoc />
    public override string Name => FormattableString.Invariant($"Double well (t = {Tilt:G3})");

    /// <summary>The three points where the gradient is zero, left to right, each with its kind.</summary>
    public IReadOnlyList<(double X, double Y, string Kind)> CriticalPoints
    {
        get
        {
            // 4x³ − 4x + t = 0 is x³ − x + t/4 = 0; its three real roots by the trigonometric formula.
            double angle = Math.Acos(-3 * Math.Sqrt(3) * Tilt / 8) / 3, radius = 2 / Math.Sqrt(3);
            return Enumerable.Range(0, 3)
                .Select(k => radius * Math.Cos(angle - 2 * Math.PI * k / 3))
                .Order()
                .Select(x => (x, 0.0, 12 * x * x - 4 > 0 ? "minimum" : "saddle point"))
                .ToArray();
        }
    }

    /// <summary>The global minimum: the critical point with the smallest J.</summary>
    public override (double X, double Y) Minimum
    {
        get
        {
            var best = CriticalPoints.MinBy(p => Evaluate(p.X, p.Y));
            return (best.X, best.Y);
        }
    }

    /// <inheritdoc />
    public override Tensor Evaluate(Tensor points)
    {
        var x = points.select(-1, 0);
        var y = points.select(-1, 1);
        return (x * x - 1).square() + Tilt * x + y * y;
    }

    /// <inheritdoc />
    public override (double X, double Y) Gradient(double x, double y) => (4 * x * (x * x - 1) + Tilt, 2 * y);

    /// <inheritdoc />
    public override (double XX, double XY, double YY) Hessian(double x, double y) => (12 * x * x - 4, 0, 2);
}
