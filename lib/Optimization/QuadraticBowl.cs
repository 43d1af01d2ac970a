using static TorchSharp.torch;

namespace Book.Optimization;

/// <summary>
/// An elongated quadratic bowl, chapter 4:
/// <code>J(x, y) = ½(a·x² + b·y²),   ∇J = (a·x, b·y),   minimum at (0, 0)</code>
/// The curvatures a and b differ, so the condition number κ = max(a,b)/min(a,b) &gt; 1: gradient descent
/// needs η &lt; 2/max(a,b) to stay stable yet then crawls along the flat direction (its error shrinks by
/// |1 − η·min(a,b)| per step). Momentum and Adam are built for exactly this.
/// </summary>
public sealed class QuadraticBowl : LossSurface
{
    /// <param name="a">Curvature along x, &gt; 0.</param>
    /// <param name="b">Curvature along y, &gt; 0.</param>
    public QuadraticBowl(double a = 1, double b = 10)
    {
        if (!(a > 0)) throw new ArgumentOutOfRangeException(nameof(a), a, $"Expected a positive curvature a, got {a}.");
        if (!(b > 0)) throw new ArgumentOutOfRangeException(nameof(b), b, $"Expected a positive curvature b, got {b}.");
        A = a;
        B = b;
    }

    /// <summary>a, the curvature along x.</summary>
    public double A { get; }

    /// <summary>b, the curvature along y.</summary>
    public double B { get; }

    /// <summary>κ = max(a, b) / min(a, b).</summary>
    public double ConditionNumber => Math.Max(A, B) / Math.Min(A, B);

    /// <inheritdoc />
    public override string Name => FormattableString.Invariant($"Quadratic bowl (a = {A:G3}, b = {B:G3})");

    /// <inheritdoc />
    public override (double X, double Y) Minimum => (0, 0);

    /// <inheritdoc />
    public override Tensor Evaluate(Tensor points)
    {
        var x = points.select(-1, 0);
        var y = points.select(-1, 1);
        return 0.5 * (A * x * x + B * y * y);
    }

    /// <inheritdoc />
    public override (double X, double Y) Gradient(double x, double y) => (A * x, B * y);

    /// <inheritdoc />
    public override (double XX, double XY, double YY) Hessian(double x, double y) => (A, 0, B);
}
