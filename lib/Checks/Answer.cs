using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Book.Checks;

/// <summary>
/// Checks an exercise's answer without showing it. A check cell that computed the expected value in
/// plain view would hand the learner the answer; instead the chapter stores a fingerprint of it — the
/// first 12 hex digits of SHA-256 over the value rounded to a few significant digits — and compares the
/// learner's value with that. The fingerprint of the right answer is made once, by the chapter's author,
/// with <see cref="Fingerprint(double, int)"/>. Rounding noise that moves the value across a rounding edge
/// is accepted: the neighbouring values in the last kept digit count as right too.
/// </summary>
public static class Answer
{
    /// <summary>The fingerprint of a number rounded to <paramref name="significantDigits"/>.</summary>
    public static string Fingerprint(double value, int significantDigits = 4) => Hash(Round(value, significantDigits));

    /// <summary>The fingerprint of a whole number.</summary>
    public static string Fingerprint(long value) => Hash(value.ToString(CultureInfo.InvariantCulture));

    /// <summary>The fingerprint of a text (trimmed, case kept).</summary>
    public static string Fingerprint(string value) => Hash((value ?? "").Trim());

    /// <summary>True when <paramref name="actual"/>, rounded, is the answer behind <paramref name="fingerprint"/>.</summary>
    public static bool Matches(double actual, string fingerprint, int significantDigits = 4)
    {
        if (double.IsNaN(actual) || double.IsInfinity(actual)) return false;
        if (actual == 0) return Hash(Round(0, significantDigits)) == fingerprint;
        int exponent = (int)Math.Floor(Math.Log10(Math.Abs(actual)));
        double step = Math.Pow(10, exponent - significantDigits + 1);
        return new[] { actual, actual - step, actual + step }.Any(v => Hash(Round(v, significantDigits)) == fingerprint);
    }

    /// <summary>Prints <c>✓ what</c> when <paramref name="actual"/> is the stored answer; otherwise throws, naming what was checked.</summary>
    public static void Check(double actual, string fingerprint, string what, int significantDigits = 4)
    {
        if (!Matches(actual, fingerprint, significantDigits))
            throw new CheckFailedException($"{what}: {actual.ToString("G6", CultureInfo.InvariantCulture)} is not the expected value (to {significantDigits} significant digits).");
        Console.WriteLine($"✓ {what}");
    }

    /// <summary>Prints <c>✓ what</c> when the whole number is the stored answer; otherwise throws.</summary>
    public static void Check(long actual, string fingerprint, string what)
    {
        if (Fingerprint(actual) != fingerprint) throw new CheckFailedException($"{what}: {actual} is not the expected value.");
        Console.WriteLine($"✓ {what}");
    }

    /// <summary>Prints <c>✓ what</c> when the text is the stored answer; otherwise throws.</summary>
    public static void Check(string actual, string fingerprint, string what)
    {
        if (Fingerprint(actual) != fingerprint) throw new CheckFailedException($"{what}: \"{actual}\" is not the expected answer.");
        Console.WriteLine($"✓ {what}");
    }

    static string Round(double value, int significantDigits)
    {
        if (significantDigits is < 1 or > 15) throw new ArgumentOutOfRangeException(nameof(significantDigits), significantDigits, "Between 1 and 15 significant digits.");
        string text = value.ToString("E" + (significantDigits - 1), CultureInfo.InvariantCulture);
        return text == "-" + 0.0.ToString("E" + (significantDigits - 1), CultureInfo.InvariantCulture) ? text[1..] : text;
    }

    static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..12];
}
