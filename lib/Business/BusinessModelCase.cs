namespace Book.Business;

/// <summary>
/// One way to make money from a model, turned into numbers (chapter 13). A business of this kind has some customers,
/// each paying under a <see cref="PricingPlan"/> and consuming tokens that cost the serving price, plus other costs
/// per customer (people, data, payment fees); fixed costs per month; and churn, replaced at an acquisition cost.
/// In a steady month (as many customers won as lost):
/// <code>
/// revenue          = customers · R                      (R: revenue per customer)
/// cost of revenue  = customers · (T · cost per 10⁶ tokens / 10⁶ + other cost per customer)
/// acquisition      = customers · churn · CAC
/// operating profit = revenue − cost of revenue − acquisition − fixed costs
/// </code>
/// with the gross margin, the <see cref="CustomerLifetimeValue"/> against CAC, and the customers needed to break even.
/// </summary>
/// <param name="Name">The business model.</param>
/// <param name="NamedIn">Where the source articles name it.</param>
/// <param name="Customers">Customers in a steady month.</param>
/// <param name="Plan">How each pays.</param>
/// <param name="TokensPerCustomer">Tokens each consumes per month (0 when the customer runs the model).</param>
/// <param name="OtherCostPerCustomer">Other costs per customer and month: people, data, fees.</param>
/// <param name="FixedCostsPerMonth">Costs that do not grow with customers.</param>
/// <param name="AcquisitionCost">CAC, per new customer.</param>
/// <param name="MonthlyChurn">Share of customers lost per month.</param>
/// <param name="Lever">The lever of the sources that matters most here, and the number it moves.</param>
public sealed record BusinessModelCase(string Name, string NamedIn, double Customers, PricingPlan Plan, double TokensPerCustomer,
    double OtherCostPerCustomer, double FixedCostsPerMonth, double AcquisitionCost, double MonthlyChurn, string Lever)
{
    /// <summary>R, what one customer pays per month.</summary>
    public double RevenuePerCustomer => Plan.Revenue(TokensPerCustomer);

    /// <summary>The month's figures with tokens costing <paramref name="costPerMillionTokens"/> to serve.</summary>
    public BusinessModelResult Evaluate(double costPerMillionTokens)
    {
        double revenue = Customers * RevenuePerCustomer;
        double compute = Customers * PricingPlan.ServingCost(TokensPerCustomer, costPerMillionTokens);
        double other = Customers * OtherCostPerCustomer;
        double acquisition = Customers * MonthlyChurn * AcquisitionCost;
        double margin = GrossMargin.Of(revenue, compute + other);
        var lifetime = new CustomerLifetimeValue(RevenuePerCustomer, margin, MonthlyChurn);
        double perCustomer = RevenuePerCustomer - (compute + other) / Customers - MonthlyChurn * AcquisitionCost;
        return new BusinessModelResult(this, revenue, compute, other, margin, acquisition, revenue - compute - other - acquisition - FixedCostsPerMonth,
            lifetime.RatioTo(AcquisitionCost), BreakEven.Volume(FixedCostsPerMonth, perCustomer, 0));
    }
}

/// <summary>A <see cref="BusinessModelCase"/>'s steady month, in dollars.</summary>
public sealed record BusinessModelResult(BusinessModelCase Case, double Revenue, double ComputeCost, double OtherCosts, double GrossMargin,
    double Acquisition, double OperatingProfit, double LifetimeValueToAcquisitionCost, double BreakEvenCustomers);
