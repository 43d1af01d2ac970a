using System.Globalization;

namespace Book.LargeModels;

/// <summary>
/// Writes large numbers in English short-scale units — k (10³), M (10⁶), B (billion, 10⁹), T (trillion,
/// 10¹²) — as chapter 01 does. The "billion" of this book is always 10⁹; the Chinese sources count in
/// 亿 (10⁸), so 1750亿 is 175 B. Meant for counts of parameters, tokens and bytes; FLOP counts, which
/// reach 10²³, are written in scientific notation instead.
/// </summary>
public static class ShortScale
{
    static readonly (double Size, string Suffix)[] Units = [(1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "k")];

    /// <summary><paramref name="value"/> with <paramref name="decimals"/> decimals in the largest unit not above it, e.g. 174.60 B.</summary>
    public static string Format(double value, int decimals = 2)
    {
        if (decimals < 0) throw new ArgumentOutOfRangeException(nameof(decimals), decimals, "Expected 0 or more decimals.");
        if (double.IsNaN(value) || double.IsInfinity(value)) return value.ToString(CultureInfo.InvariantCulture);
        string format = "F" + decimals.ToString(CultureInfo.InvariantCulture);
        foreach (var (size, suffix) in Units)
            if (Math.Abs(value) >= size) return (value / size).ToString(format, CultureInfo.InvariantCulture) + " " + suffix;
        return value.ToString(format, CultureInfo.InvariantCulture);
    }
}
