namespace Book.Business;

/// <summary>
/// Describes one number of <see cref="BusinessAssumptions"/> for its table (chapter 13): what it is, its unit, where
/// it comes from (a source with a date, a chapter 12 measurement, or "assumption"), and the lever of the source
/// articles that moves it, if any.
/// </summary>
/// <param name="label">What the number is, in words.</param>
/// <param name="unit">Its unit.</param>
/// <param name="source">Where it comes from.</param>
[AttributeUsage(AttributeTargets.Property)]
public sealed class AssumptionAttribute(string label, string unit, string source) : Attribute
{
    /// <summary>What the number is.</summary>
    public string Label { get; } = label;

    /// <summary>Its unit.</summary>
    public string Unit { get; } = unit;

    /// <summary>Where it comes from.</summary>
    public string Source { get; } = source;

    /// <summary>The lever of the source articles that moves it ("compute cost", "user experience", …), or null.</summary>
    public string? Lever { get; init; }

    /// <summary>Whether the number is a share in [0, 1] (so a variation keeps it there).</summary>
    public bool IsShare { get; init; }
}
