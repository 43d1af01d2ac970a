using System.Globalization;

namespace Book.Autograd;

/// <summary>
/// One row of a gradient check, chapter 6: an analytic gradient against a numerical one.
/// Relative error per element is |a − n| / max(|a|, |n|, 1e-8); below ~1e-6 (float64) the analytic
/// gradient is right, above ~1e-2 it is wrong. A gradient that agrees is printed as the bound and a check
/// mark, never as the digits of its error: those are rounding noise that changes with the processor
/// (chapters/README.md, "Portable outputs"). A gradient that disagrees is printed with its error, which
/// is then a real quantity (a wrong sign gives about 2, a missing factor 2 about 0.5).
/// </summary>
/// <param name="Name">The input's name, e.g. "W2".</param>
/// <param name="Shape">Its shape.</param>
/// <param name="LargestNumerical">max |n|, to judge the scale.</param>
/// <param name="MaxAbsoluteError">max |a − n|.</param>
/// <param name="MaxRelativeError">max |a − n| / max(|a|, |n|, 1e-8).</param>
public sealed record GradientComparison(string Name, long[] Shape, double LargestNumerical, double MaxAbsoluteError, double MaxRelativeError)
{
    /// <summary>The relative error below which an analytic gradient counts as agreeing (float64, h = 1e-6).</summary>
    public const double DefaultTolerance = 1e-6;

    /// <summary>True when the largest relative error is below <paramref name="tolerance"/>.</summary>
    public bool Agrees(double tolerance = DefaultTolerance) => MaxRelativeError < tolerance;

    /// <summary>
    /// A table row, e.g. <c>W1 [4×3]   max|∂| = 0.0415   relative error &lt; 1e-6 ✓</c>, or for a wrong
    /// gradient <c>… relative error 1.5 ✗</c>.
    /// </summary>
    public override string ToString() => $"{Name} [{string.Join("×", Shape)}]".PadRight(18) + string.Create(CultureInfo.InvariantCulture,
        $" max|∂| = {LargestNumerical,9:F4}   ") + (Agrees()
            ? $"relative error < {Checks.Bounds.Format(DefaultTolerance)} ✓"
            : string.Create(CultureInfo.InvariantCulture, $"relative error {MaxRelativeError:G2} ✗"));
}
