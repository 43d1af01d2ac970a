namespace Book.Business;

/// <summary>
/// What a customer is worth (chapter 13). A customer who pays R dollars a month at gross margin g, and leaves with
/// probability c each month (churn), stays 1/c months on average, so the customer lifetime value is
/// <code>LTV = R · g / c.</code>
/// Set against the cost of acquiring that customer (CAC — marketing and sales per new customer), LTV/CAC says whether
/// growth creates value (a common rule of thumb asks for 3 or more) and CAC / (R·g) how many months a customer needs
/// to repay it.
/// </summary>
/// <param name="RevenuePerMonth">R.</param>
/// <param name="GrossMargin">g, the share of revenue left after serving costs.</param>
/// <param name="MonthlyChurn">c, in (0, 1].</param>
public sealed record CustomerLifetimeValue(double RevenuePerMonth, double GrossMargin, double MonthlyChurn)
{
    /// <summary>1 / c, in months.</summary>
    public double LifetimeMonths => MonthlyChurn > 0 && MonthlyChurn <= 1 ? 1 / MonthlyChurn
        : throw new ArgumentException($"Expected a monthly churn in (0, 1], got {MonthlyChurn}.");

    /// <summary>R · g / c, in dollars.</summary>
    public double Value => RevenuePerMonth * GrossMargin * LifetimeMonths;

    /// <summary>LTV / CAC.</summary>
    public double RatioTo(double acquisitionCost) => acquisitionCost > 0 ? Value / acquisitionCost
        : throw new ArgumentOutOfRangeException(nameof(acquisitionCost), acquisitionCost, "Expected a positive acquisition cost.");

    /// <summary>CAC / (R · g) in months; +∞ when a customer brings no gross profit.</summary>
    public double PaybackMonths(double acquisitionCost) =>
        RevenuePerMonth * GrossMargin > 0 ? acquisitionCost / (RevenuePerMonth * GrossMargin) : double.PositiveInfinity;
}
