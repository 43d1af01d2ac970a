using static TorchSharp.torch;

namespace Book.Optimization;

/// <summary>
/// Rosenbrock's banana function (1960), chapter 4:
/// <code>
/// J(x, y) = (a − x)² + b·(y − x²)²,      minimum J = 0 at (a, a²)
/// ∂J/∂x = −2(a − x) − 4b·x·(y − x²),   ∂J/∂y = 2b·(y − x²)
/// ∂²J/∂x² = 2 − 4b·(y − x²) + 8b·x²,   ∂²J/∂x∂y = −4b·x,   ∂²J/∂y² = 2b
/// </code>
/// The minimum sits in a long, curved, flat-bottomed valley: finding the valley is easy, following it is
/// slow, which makes the function a standard test of optimizers. Defaults a = 1, b = 100.
/// </summary>
public sealed class Rosenbrock : LossSurface
{
    /// <param name="a">The minimum's x coordinate.</param>
    /// <param name="b">The steepness of the valley walls, &gt; 0.</param>
    public Rosenbrock(double a = 1, double b = 100)
    {
        if (!(b > 0)) throw new ArgumentOutOfRangeException(nameof(b), b, $"Expected b > 0, got {b}.");
        A = a;
        B = b;
    }

    /// <summary>a.</summary>
    public double A { get; }

    /// <summary>b.</summary>
    public double B { get; }

    /// <inheritdoc />
    public override string Name => FormattableString.Invariant($"Rosenbrock (a = {A:G3}, b = {B:G3})");

    /// <inheritdoc />
    public override (double X, double Y) Minimum => (A, A * A);

    /// <inheritdoc />
    public override Tensor Evaluate(Tensor points)
    {
        var x = points.select(-1, 0);
        var y = points.select(-1, 1);
        return (A - x).square() + B * (y - x * x).square();
    }

    /// <inheritdoc />
    public override (double X, double Y) Gradient(double x, double y) =>
        (-2 * (A - x) - 4 * B * x * (y - x * x), 2 * B * (y - x * x));

    /// <inheritdoc />
    public override (double XX, double XY, double YY) Hessian(double x, double y) =>
        (2 - 4 * B * (y - x * x) + 8 * B * x * x, -4 * B * x, 2 * B);
}
