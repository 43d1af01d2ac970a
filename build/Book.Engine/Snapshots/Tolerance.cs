using System.Text.Json.Nodes;

namespace Book.Engine.Snapshots;

/// <summary>
/// How close a re-executed number must be to the committed one: |actual − expected| ≤ atol + rtol·|expected|.
/// The default absorbs last-digit noise; a cell that trains a model may loosen it in its metadata:
/// <c>"book": { "tolerance": { "rtol": 0.05, "atol": 0.01 } }</c>.
/// </summary>
public sealed record Tolerance(double Relative, double Absolute)
{
    /// <summary>rtol 1e-3, atol 1e-6.</summary>
    public static readonly Tolerance Default = new(1e-3, 1e-6);

    /// <summary>True when <paramref name="actual"/> is close enough to <paramref name="expected"/>.</summary>
    public bool Accepts(double expected, double actual) =>
        expected.Equals(actual) || Math.Abs(actual - expected) <= Absolute + Relative * Math.Abs(expected);

    /// <summary>The tolerance a cell's metadata sets, or the default.</summary>
    public static Tolerance For(JsonObject cellMetadata)
    {
        if (cellMetadata["book"]?["tolerance"] is not JsonObject setting) return Default;
        return new Tolerance(
            setting["rtol"]?.GetValue<double>() ?? Default.Relative,
            setting["atol"]?.GetValue<double>() ?? Default.Absolute);
    }

    /// <inheritdoc />
    public override string ToString() => $"rtol {Relative:G3}, atol {Absolute:G3}";
}
