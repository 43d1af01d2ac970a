using System.Globalization;
using System.Text.Json.Nodes;

namespace Book.Engine.Snapshots;

/// <summary>
/// How close a re-executed number must be to the committed one. By default
/// |actual − expected| ≤ max(atol + rtol·|expected|, one unit in the last printed digit): a number printed
/// as <c>0.3750</c> may come back as <c>0.3751</c> when a rounding edge moved on another processor, but
/// not as <c>0.3760</c>. A cell loosens it in its metadata (see chapters/README.md, "Portable outputs"):
/// <c>"book": { "tolerance": { "rtol": 0.05, "atol": 0.01 } }</c> for training results,
/// <c>{ "decades": 0.5 }</c> to compare magnitudes in log scale, <c>{ "ignore": true }</c> for measurements,
/// <c>{ "ignore": "all" }</c> for text a trained model samples (the words too differ between processors).
/// </summary>
/// <param name="Relative">rtol.</param>
/// <param name="Absolute">atol.</param>
/// <param name="Decades">When set, numbers are compared as |log₁₀|actual| − log₁₀|expected|| ≤ Decades (same sign).</param>
/// <param name="Ignore">When true, numbers are not compared at all (words still are).</param>
/// <param name="IgnoreText">When true, neither numbers nor words are compared; only that the outputs are there.</param>
public sealed record Tolerance(double Relative, double Absolute, double? Decades = null, bool Ignore = false, bool IgnoreText = false)
{
    /// <summary>
    /// rtol 1e-3 and one unit in the last printed digit; no absolute tolerance, so that a tiny number printed
    /// as digits (1.36E-008) is compared like any other and rounding noise printed that way fails on the
    /// processor that wrote it, not only on the reader's.
    /// </summary>
    public static readonly Tolerance Default = new(1e-3, 0);

    /// <summary>True when <paramref name="actual"/> is close enough to <paramref name="expected"/>.</summary>
    /// <param name="lastDigit">One unit in the last digit the expected number was printed with (0 when unknown).</param>
    public bool Accepts(double expected, double actual, double lastDigit = 0)
    {
        if (Ignore || expected.Equals(actual)) return true;
        if (double.IsNaN(expected) || double.IsNaN(actual) || double.IsInfinity(expected) || double.IsInfinity(actual)) return false;
        if (Decades is double decades && expected != 0 && actual != 0 && Math.Sign(expected) == Math.Sign(actual))
            return Math.Abs(Math.Log10(Math.Abs(actual)) - Math.Log10(Math.Abs(expected))) <= decades;
        double allowed = Math.Max(Absolute + Relative * Math.Abs(expected), lastDigit * (1 + 1e-9));
        return Math.Abs(actual - expected) <= allowed;
    }

    /// <summary>
    /// One unit in the last digit of a number as printed: 1e-4 for "0.3750", 1e-10 for "1.36E-008"; 0 for
    /// whole numbers ("2563", "89"), which are counts and must match within rtol/atol alone.
    /// </summary>
    public static double LastDigit(string printed)
    {
        int exponentAt = printed.IndexOfAny(['e', 'E']);
        string mantissa = exponentAt < 0 ? printed : printed[..exponentAt];
        int point = mantissa.IndexOf('.');
        if (point < 0 && exponentAt < 0) return 0;
        int decimals = point < 0 ? 0 : mantissa.Length - point - 1;
        int exponent = exponentAt < 0 ? 0 : int.Parse(printed[(exponentAt + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        return Math.Pow(10, exponent - decimals);
    }

    /// <summary>The tolerance a cell's metadata sets, or the default.</summary>
    public static Tolerance For(JsonObject cellMetadata)
    {
        if (cellMetadata["book"]?["tolerance"] is not JsonObject setting) return Default;
        var ignore = setting["ignore"] as JsonValue;
        bool ignoreText = ignore is not null && ignore.TryGetValue(out string? what) && what == "all";
        return new Tolerance(
            setting["rtol"]?.GetValue<double>() ?? Default.Relative,
            setting["atol"]?.GetValue<double>() ?? Default.Absolute,
            setting["decades"]?.GetValue<double>(),
            ignoreText || (ignore is not null && ignore.TryGetValue(out bool numbers) && numbers),
            ignoreText);
    }

    /// <inheritdoc />
    public override string ToString() =>
        IgnoreText ? "text ignored"
        : Ignore ? "numbers ignored"
        : Decades is double decades ? string.Create(CultureInfo.InvariantCulture, $"{decades:G3} decades")
        : string.Create(CultureInfo.InvariantCulture, $"rtol {Relative:G3}, atol {Absolute:G3}, or one unit in the last printed digit");
}
