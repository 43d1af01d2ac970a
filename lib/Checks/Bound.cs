namespace Book.Checks;

/// <summary>
/// A quantity whose size is the point and whose digits are not: a gradient that vanished in a deep
/// network, an activation that exploded, a probability that saturated. Its last digits (often its first)
/// change with the processor, so a chapter prints the claim — <c>&lt; 1e-6 ✓</c> or <c>&gt; 1e6 ✓</c> —
/// and the cell fails, with the value, when the claim is false.
/// </summary>
public static class Bound
{
    /// <summary>|value| &lt; <paramref name="limit"/>: returns <c>"&lt; limit ✓"</c>, or throws <see cref="CheckFailedException"/>.</summary>
    public static string Below(double value, double limit)
    {
        if (double.IsNaN(value) || Math.Abs(value) >= limit)
            throw new CheckFailedException($"expected a value below {Bounds.Format(limit)} in size, got {Bounds.Value(value)}.");
        return $"< {Bounds.Format(limit)} ✓";
    }

    /// <summary>|value| &gt; <paramref name="limit"/> (infinity counts): returns <c>"&gt; limit ✓"</c>, or throws.</summary>
    public static string Above(double value, double limit)
    {
        if (double.IsNaN(value) || Math.Abs(value) <= limit)
            throw new CheckFailedException($"expected a value above {Bounds.Format(limit)} in size, got {Bounds.Value(value)}.");
        return $"> {Bounds.Format(limit)} ✓";
    }
}
