namespace Book.Business;

/// <summary>
/// One-at-a-time sensitivity (chapter 13), drawn as a tornado chart: every assumption is moved down and up by the
/// same relative swing — shares stay within [0, 1] — while all others keep their values, and the change in one
/// outcome (say, the last month's profit) is recorded. Sorted by the width of the swing, the bars show which few
/// numbers the business depends on, and so where a founder should spend effort. It ignores how assumptions move
/// together; the Monte-Carlo simulation (<see cref="ProfitSimulation"/>) does not.
/// </summary>
public static class Sensitivity
{
    /// <summary>
    /// The outcome for each assumption of <paramref name="properties"/> (all of them when empty) at value × (1 − swing) and
    /// × (1 + swing), widest first.
    /// </summary>
    public static IReadOnlyList<SensitivityBar> Tornado(BusinessAssumptions assumptions, Func<BusinessAssumptions, double> outcome,
        double swing = 0.2, params string[] properties)
    {
        ArgumentNullException.ThrowIfNull(assumptions);
        ArgumentNullException.ThrowIfNull(outcome);
        if (!(swing > 0 && swing < 1)) throw new ArgumentOutOfRangeException(nameof(swing), swing, "Expected a relative swing in (0, 1).");
        double baseline = outcome(assumptions);
        var rows = assumptions.Rows().Where(r => properties.Length == 0 || properties.Contains(r.Property)).ToList();
        if (properties.Length > 0 && rows.Count != properties.Length)
            throw new ArgumentException($"Unknown assumptions: {string.Join(", ", properties.Except(rows.Select(r => r.Property)))}.", nameof(properties));
        return rows.Select(r =>
        {
            double low = r.Value * (1 - swing), high = r.Value * (1 + swing);
            if (r.IsShare) high = Math.Min(high, 1);
            return new SensitivityBar(r.Label, r.Lever, low, high, outcome(assumptions.With(r.Property, low)), outcome(assumptions.With(r.Property, high)), baseline);
        }).OrderByDescending(b => b.Width).ToList();
    }
}

/// <summary>One bar of a tornado chart: an assumption at its low and high value, and the outcome at each.</summary>
public sealed record SensitivityBar(string Assumption, string? Lever, double LowValue, double HighValue, double OutcomeAtLow, double OutcomeAtHigh, double Baseline)
{
    /// <summary>|outcome at high − outcome at low|.</summary>
    public double Width => Math.Abs(OutcomeAtHigh - OutcomeAtLow);
}
