namespace Book.Business;

/// <summary>
/// A risk the source articles list, tied to the assumption it moves and by how much (chapter 13): a privacy incident
/// drives customers away (churn), new regulation multiplies compliance work, a shortage raises accelerator prices,
/// a competitor's price cut forces the price down, scarce talent raises salaries. <see cref="Apply"/> shocks the
/// assumptions so that the plan can be recomputed and the damage read off in dollars.
/// </summary>
/// <param name="Name">The risk.</param>
/// <param name="NamedIn">Where the sources name it.</param>
/// <param name="Property">The assumption it moves (its C# name in <see cref="BusinessAssumptions"/>).</param>
/// <param name="Factor">What the assumption is multiplied by when the risk happens.</param>
/// <param name="Scenario">What happens, in words.</param>
public sealed record Risk(string Name, string NamedIn, string Property, double Factor, string Scenario)
{
    /// <summary>
    /// The challenges the source articles list (000 §8.2 and §9.1, 001 §8.2, 002 §2.3, 004 §8), each as a shock to
    /// one assumption. The sizes of the shocks are the book's illustrative assumptions, not the sources'.
    /// </summary>
    public static IReadOnlyList<Risk> FromSources { get; } =
    [
        new("privacy incident", "000 §8.2, 001 §8.2", nameof(BusinessAssumptions.MonthlyChurn), 2,
            "a data leak doubles the share of customers who leave each month"),
        new("new regulation", "004 §8, 000 §9.1", nameof(BusinessAssumptions.ComplianceCostPerMonth), 4,
            "audits and legal work cost four times as much"),
        new("compute shortage", "000 §9.1, 001 §1.3", nameof(BusinessAssumptions.AcceleratorPricePerHour), 1.5,
            "accelerators rent for 50 % more"),
        new("competitor's price cut", "004 §8, 002 §2.3", nameof(BusinessAssumptions.PricePerMillionTokens), 0.6,
            "a rival's cheaper model forces the price down by 40 %"),
        new("talent shortage", "000 §8.2", nameof(BusinessAssumptions.FixedCostsPerMonth), 1.3,
            "scarce engineers cost 30 % more"),
    ];

    /// <summary>The assumptions after the risk happened.</summary>
    public BusinessAssumptions Apply(BusinessAssumptions assumptions)
    {
        ArgumentNullException.ThrowIfNull(assumptions);
        var row = assumptions.Rows().FirstOrDefault(r => r.Property == Property)
            ?? throw new ArgumentException($"Risk '{Name}' moves '{Property}', which is not an assumption.");
        double value = row.Value * Factor;
        return assumptions.With(Property, row.IsShare ? Math.Min(value, 1) : value);
    }
}
