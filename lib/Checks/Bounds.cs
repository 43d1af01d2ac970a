using System.Globalization;

namespace Book.Checks;

/// <summary>Writes the bounds of <see cref="Agreement"/> and <see cref="Bound"/> the same way everywhere: 1e-12, 5e-7, 2.5e6.</summary>
static class Bounds
{
    public static string Format(double bound)
    {
        if (bound == 0 || double.IsInfinity(bound) || double.IsNaN(bound)) return bound.ToString(CultureInfo.InvariantCulture);
        int exponent = (int)Math.Floor(Math.Log10(Math.Abs(bound)));
        double mantissa = Math.Round(bound / Math.Pow(10, exponent), 2);
        if (Math.Abs(mantissa) >= 10) { mantissa /= 10; exponent++; }
        if (exponent is >= -2 and <= 3) return bound.ToString("0.###", CultureInfo.InvariantCulture);
        return string.Create(CultureInfo.InvariantCulture, $"{mantissa:0.##}e{exponent}");
    }

    /// <summary>A value for an error message: enough digits to see how far it missed.</summary>
    public static string Value(double value) => value.ToString("G3", CultureInfo.InvariantCulture);
}
