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
