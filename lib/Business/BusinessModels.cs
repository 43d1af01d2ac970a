using Microsoft.Data.Analysis;

namespace Book.Business;

/// <summary>
/// The ways to make money that the five source articles name — API access paid per use, subscriptions, data
/// services, custom solutions, vertical applications, technology licensing, advertising and recommendation, a
/// platform with an ecosystem (the <c>004</c> §2.5 OpenAI case combines several) — each as a
/// <see cref="BusinessModelCase"/> (chapter 13). The sources give no numbers for any of them; the prices, customers
/// and costs here are the book's illustrative assumptions, tied to <see cref="BusinessAssumptions"/> wherever the two
/// share a figure (the price per token, the subscription price, the company's fixed costs, the serving cost), and a
/// reader changes them as they change the assumptions. <see cref="Compare"/> puts them side by side in one DataFrame.
/// </summary>
public static class BusinessModels
{
    /// <summary>The eight business models, sized for a company with <paramref name="a"/>'s costs and prices.</summary>
    public static IReadOnlyList<BusinessModelCase> FromSources(BusinessAssumptions a)
    {
        ArgumentNullException.ThrowIfNull(a);
        double company = a.FixedCostsPerMonth + a.ComplianceCostPerMonth;
        return
        [
            new("API, pay per use", "000 §2.3, 002 §2.2", a.NewCustomersPerMonth / a.MonthlyChurn, PricingPlan.PayPerUse(a.PricePerMillionTokens),
                a.TokensPerCustomer, 0, company, a.AcquisitionCost, a.MonthlyChurn, "model performance → price per token"),
            new("subscription", "004 §2.2, §2.5", 20_000, PricingPlan.Subscription(PublicPrices.ChatGptPlus.Price), 1.5e6,
                0.03 * PublicPrices.ChatGptPlus.Price, company + 20_000, 30, 0.06, "user experience → churn"),
            new("data services", "000 §2.3", 8, new PricingPlan("data contract", 5_000, 0), 100e6, 2_000,
                a.FixedCostsPerMonth + 3 * a.ComplianceCostPerMonth, 5_000, 0.04, "data quality → contract value"),
            new("custom solutions", "000 §2.3, 002 §2.2", 4, new PricingPlan("project", 30_000, 0), 300e6, 18_000,
                company, 15_000, 0.08, "partnerships → acquisition cost"),
            new("vertical applications", "000 §2.3, 004 §6", 250, new PricingPlan("seats for one organisation", 600, 0), 30e6, 20,
                a.FixedCostsPerMonth + 4 * a.ComplianceCostPerMonth, 3_000, 0.02, "privacy and compliance → fixed costs"),
            new("technology licensing", "004 §2.2", 5, new PricingPlan("licence", 12_000, 0), 0, 1_500,
                company, 40_000, 0.02, "model performance → licence fee"),
            new("advertising and recommendation", "004 §2.2, 000 §1.3", 300_000, new PricingPlan("free, paid by ads", 0.25, 0), 50e3, 0,
                company, 0.5, 0.10, "user experience → churn"),
            new("platform and ecosystem", "002 §2.2, 004 §2.5", 200, new PricingPlan("20 % of partner sales", 500, 0), 150e6, 0,
                company + 15_000, 800, 0.03, "partnerships → partners"),
        ];
    }

    /// <summary>One row per case: its inputs and its steady month, with tokens costing <paramref name="costPerMillionTokens"/>.</summary>
    public static DataFrame Compare(IEnumerable<BusinessModelCase> cases, double costPerMillionTokens)
    {
        ArgumentNullException.ThrowIfNull(cases);
        var results = cases.Select(c => c.Evaluate(costPerMillionTokens)).ToList();
        DoubleDataFrameColumn Column(string name, Func<BusinessModelResult, double> value, int decimals = 0) =>
            new(name, results.Select(r => (double?)Math.Round(value(r), decimals)));
        return new DataFrame(
            new StringDataFrameColumn("business model", results.Select(r => r.Case.Name)),
            Column("customers", r => r.Case.Customers),
            Column("$ per customer", r => r.Case.RevenuePerCustomer, 2),
            Column("revenue $", r => r.Revenue),
            Column("compute $", r => r.ComputeCost),
            Column("gross margin %", r => 100 * r.GrossMargin, 1),
            Column("profit $", r => r.OperatingProfit),
            Column("LTV/CAC", r => r.LifetimeValueToAcquisitionCost, 1),
            Column("break-even customers", r => r.BreakEvenCustomers),
            new StringDataFrameColumn("lever → number", results.Select(r => r.Case.Lever)),
            new StringDataFrameColumn("named in", results.Select(r => r.Case.NamedIn)));
    }
}
