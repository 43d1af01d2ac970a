using System.Globalization;

namespace Book.Autograd;

/// <summary>
/// One row of a gradient check, chapter 6: an analytic gradient against a numerical one.
/// Relative error per element is |a − n| / max(|a|, |n|, 1e-8); below ~1e-6 (float64) the analytic
/// gradient is right, above ~1e-2 it is wrong.
/// </summary>
/// <param name="Name">The input's name, e.g. "W2".</param>
/// <param name="Shape">Its shape.</param>
/// <param name="LargestNumerical">max |n|, to judge the scale.</param>
/// <param name="MaxAbsoluteError">max |a − n|.</param>
/// <param name="MaxRelativeError">max |a − n| / max(|a|, |n|, 1e-8).</param>
public sealed record GradientComparison(string Name, long[] Shape, double LargestNumerical, double MaxAbsoluteError, double MaxRelativeError)
{
    /// <summary>True when the largest relative error is below <paramref name="tolerance"/>.</summary>
    public bool Agrees(double tolerance = 1e-6) => MaxRelativeError < tolerance;

    /// <summary>A table row; errors in scientific notation with one decimal.</summary>
    public override string ToString() => $"{Name} [{string.Join("×", Shape)}]".PadRight(18) + string.Create(CultureInfo.InvariantCulture,
        $" max|∂| = {LargestNumerical,9:F4}   abs err = {MaxAbsoluteError:E1}   rel err = {MaxRelativeError:E1}   {(Agrees() ? "✓" : "✗")}");
}
