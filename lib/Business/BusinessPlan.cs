namespace Book.Business;

/// <summary>
/// The start-up's months, one after another (chapter 13), from <see cref="BusinessAssumptions"/>. In month m
/// (1-based) it wins n_m = n₁·(1 + g)^(m−1) new customers and keeps a share 1 − c of the old ones, so
/// customers_m = customers_{m−1}·(1 − c) + n_m. Each customer uses T tokens and pays for them per use. Then
/// <code>
/// revenue  = customers · T · price / 10⁶
/// serving  = customers · T · (serving cost per 10⁶ tokens) / 10⁶
/// profit   = revenue − serving − n_m · CAC − fixed − compliance − training / lifetime
/// </code>
/// where the training run's cost is spread evenly over the model's lifetime (while it lasts). The cash view pays the
/// training run up front instead, which is what the payback month measures.
/// </summary>
public sealed class BusinessPlan
{
    /// <summary>The plan for <paramref name="assumptions"/>.</summary>
    public BusinessPlan(BusinessAssumptions assumptions)
    {
        Assumptions = assumptions ?? throw new ArgumentNullException(nameof(assumptions));
        var a = assumptions;
        if (a.HorizonMonths < 1) throw new ArgumentException($"Expected a horizon of at least one month, got {a.HorizonMonths}.");
        if (a.ModelLifetimeMonths < 1) throw new ArgumentException($"Expected a model lifetime of at least one month, got {a.ModelLifetimeMonths}.");
        if (!(a.MonthlyChurn is >= 0 and <= 1)) throw new ArgumentException($"Expected a monthly churn in [0, 1], got {a.MonthlyChurn}.");
        double costPerMillion = a.Serving.PerMillionTokens;
        double trainingPerMonth = a.Training.Dollars / a.ModelLifetimeMonths;
        double customers = 0;
        var months = new List<MonthResult>();
        for (int m = 1; m <= a.HorizonMonths; m++)
        {
            double newCustomers = a.NewCustomersPerMonth * Math.Pow(1 + a.CustomerGrowthPerMonth, m - 1);
            customers = customers * (1 - a.MonthlyChurn) + newCustomers;
            double tokens = customers * a.TokensPerCustomer;
            double revenue = tokens * a.PricePerMillionTokens / 1e6;
            double serving = tokens * costPerMillion / 1e6;
            double acquisition = newCustomers * a.AcquisitionCost;
            double fixedCosts = a.FixedCostsPerMonth + a.ComplianceCostPerMonth;
            double training = m <= a.ModelLifetimeMonths ? trainingPerMonth : 0;
            months.Add(new MonthResult(m, newCustomers, customers, tokens, revenue, serving, acquisition, fixedCosts, training,
                revenue - serving - acquisition - fixedCosts - training));
        }
        Months = months;
    }

    /// <summary>What the plan was computed from.</summary>
    public BusinessAssumptions Assumptions { get; }

    /// <summary>Month by month.</summary>
    public IReadOnlyList<MonthResult> Months { get; }

    /// <summary>Profit of the last month of the horizon.</summary>
    public double FinalMonthlyProfit => Months[^1].Profit;

    /// <summary>The first month with a profit ≥ 0 (training amortised), or null within the horizon.</summary>
    public int? BreakEvenMonth => BreakEven.Month(Months.Select(m => m.Profit).ToList());

    /// <summary>The first month by whose end the cash spent — the training run up front, then every month's costs — is earned back; null within the horizon.</summary>
    public int? PaybackMonth => BreakEven.PaybackMonth(Months.Select(m => m.Profit + m.Training).ToList(), Assumptions.Training.Dollars);

    /// <summary>Cumulative cash after each month, with the training run paid before month 1.</summary>
    public IReadOnlyList<double> CumulativeCash()
    {
        double cash = -Assumptions.Training.Dollars;
        return Months.Select(m => cash += m.Profit + m.Training).ToList();
    }
}

/// <summary>One month of a <see cref="BusinessPlan"/>; money in dollars.</summary>
public sealed record MonthResult(int Month, double NewCustomers, double Customers, double Tokens, double Revenue, double Serving,
    double Acquisition, double FixedCosts, double Training, double Profit);
