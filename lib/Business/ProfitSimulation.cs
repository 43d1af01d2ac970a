namespace Book.Business;

/// <summary>
/// Monte-Carlo simulation of the business plan (chapter 13): the uncertain assumptions are drawn many times from
/// distributions that say how unsure one is, the plan is computed for each draw, and the spread of the outcomes —
/// not one number — is the answer. Demand (the number of new customers) is log-normal, ln(factor) ~ N(0, σ²): it can
/// double or halve, but not go negative. The price, the utilisation and the churn are uniform within their ranges.
/// Draws come from a <see cref="Random"/> seeded with <see cref="Uncertainty.Seed"/>, so the spread is the same on every run.
/// </summary>
public static class ProfitSimulation
{
    /// <summary>Runs <paramref name="uncertainty"/>.<see cref="Uncertainty.Samples"/> plans around <paramref name="assumptions"/>.</summary>
    public static SimulationResult Run(BusinessAssumptions assumptions, Uncertainty uncertainty)
    {
        ArgumentNullException.ThrowIfNull(assumptions);
        ArgumentNullException.ThrowIfNull(uncertainty);
        var random = new Random(uncertainty.Seed);
        var outcomes = new List<SimulatedPlan>(uncertainty.Samples);
        for (int i = 0; i < uncertainty.Samples; i++)
        {
            Runtime.Interruption.ThrowIfRequested();
            double demand = Math.Exp(uncertainty.DemandSigma * StandardNormal(random));
            var drawn = assumptions with
            {
                NewCustomersPerMonth = assumptions.NewCustomersPerMonth * demand,
                PricePerMillionTokens = Uniform(random, uncertainty.Price),
                Utilisation = Uniform(random, uncertainty.Utilisation),
                MonthlyChurn = Uniform(random, uncertainty.Churn),
            };
            var plan = new BusinessPlan(drawn);
            outcomes.Add(new SimulatedPlan(drawn, plan.FinalMonthlyProfit, plan.BreakEvenMonth));
        }
        return new SimulationResult(uncertainty, outcomes);
    }

    /// <summary>A draw from N(0, 1) by the Box–Muller transform.</summary>
    static double StandardNormal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    static double Uniform(Random random, (double Low, double High) range) => range.Low + (range.High - range.Low) * random.NextDouble();
}

/// <summary>How unsure the founder is: the spread of demand, and the ranges of price, utilisation and churn.</summary>
/// <param name="DemandSigma">σ of ln(demand factor): 0.4 means the demand is within a factor e^0.4 ≈ 1.5 of the assumption two times in three.</param>
/// <param name="Price">Range of the price per million tokens, in dollars.</param>
/// <param name="Utilisation">Range of the utilisation.</param>
/// <param name="Churn">Range of the monthly churn.</param>
/// <param name="Samples">How many plans to draw.</param>
/// <param name="Seed">The seed of the draws.</param>
public sealed record Uncertainty(double DemandSigma, (double Low, double High) Price, (double Low, double High) Utilisation,
    (double Low, double High) Churn, int Samples = 2000, int Seed = 42);

/// <summary>One drawn plan: its assumptions, its last month's profit and its break-even month.</summary>
public sealed record SimulatedPlan(BusinessAssumptions Assumptions, double FinalMonthlyProfit, int? BreakEvenMonth);

/// <summary>The plans of a <see cref="ProfitSimulation"/> run.</summary>
public sealed record SimulationResult(Uncertainty Uncertainty, IReadOnlyList<SimulatedPlan> Plans)
{
    /// <summary>The p-th percentile (nearest rank) of the last month's profit.</summary>
    public double ProfitPercentile(double p) =>
        Serving.Percentile.NearestRank(Plans.Select(x => x.FinalMonthlyProfit).Order().ToArray(), p);

    /// <summary>Share of plans that still lose money in their last month.</summary>
    public double LossProbability => Plans.Count(x => x.FinalMonthlyProfit < 0) / (double)Plans.Count;

    /// <summary>Share of plans that break even within the horizon.</summary>
    public double BreakEvenProbability => Plans.Count(x => x.BreakEvenMonth is not null) / (double)Plans.Count;

    /// <summary>The p-th percentile of the break-even month among the plans that break even, or null when none does.</summary>
    public double? BreakEvenPercentile(double p)
    {
        var months = Plans.Where(x => x.BreakEvenMonth is not null).Select(x => (double)x.BreakEvenMonth!.Value).Order().ToArray();
        return months.Length == 0 ? null : Serving.Percentile.NearestRank(months, p);
    }
}
