using Book.Business;
using Book.Serving;

namespace Book.Tests.Business;

/// <summary>The plan, the sensitivity, the simulation and the risks: computed from the assumptions, and moved by them.</summary>
public class BusinessPlanTests
{
    static readonly BusinessAssumptions Base = new() { MeasuredTokensPerSecond = 400, DecodeEfficiency = 0.5 };

    [Fact]
    public void The_cost_per_token_follows_the_measured_throughput_and_the_roofline()
    {
        Assert.Equal(Base.CpuServerPricePerHour / (400 * 3600 * Base.Utilisation) * 1e6, Base.MeasuredServing.PerMillionTokens, 9);
        Assert.Equal(Base.MeasuredServing.PerMillionTokens / 2, (Base with { MeasuredTokensPerSecond = 800 }).MeasuredServing.PerMillionTokens, 9);
        double bound = Base.Roofline.TokensPerSecond(Base.Batch);
        Assert.Equal(0.5 * bound, Base.AcceleratorTokensPerSecond, 6);
        Assert.True(Base.Batch <= Base.Roofline.MaxBatchInMemory());
    }

    [Fact]
    public void Changing_one_assumption_changes_the_plan_and_nothing_else()
    {
        var plan = new BusinessPlan(Base);
        var dearer = new BusinessPlan(Base.With(nameof(BusinessAssumptions.PricePerMillionTokens), Base.PricePerMillionTokens * 2));
        Assert.Equal(Base.HorizonMonths, plan.Months.Count);
        for (int m = 0; m < plan.Months.Count; m++)
        {
            Assert.Equal(2 * plan.Months[m].Revenue, dearer.Months[m].Revenue, 6);
            Assert.Equal(plan.Months[m].Serving, dearer.Months[m].Serving, 6);
            Assert.Equal(plan.Months[m].Profit + plan.Months[m].Revenue, dearer.Months[m].Profit, 3);
        }
        Assert.Throws<ArgumentException>(() => Base.With("NoSuchThing", 1));
    }

    [Fact]
    public void A_months_profit_is_revenue_minus_every_cost()
    {
        var a = Base;
        var plan = new BusinessPlan(a);
        var first = plan.Months[0];
        Assert.Equal(a.NewCustomersPerMonth, first.Customers, 9);
        Assert.Equal(first.Customers * a.TokensPerCustomer * a.PricePerMillionTokens / 1e6, first.Revenue, 6);
        Assert.Equal(a.Training.Dollars / a.ModelLifetimeMonths, first.Training, 6);
        Assert.Equal(first.Revenue - first.Serving - first.Acquisition - first.FixedCosts - first.Training, first.Profit, 6);
        var second = plan.Months[1];
        Assert.Equal(first.Customers * (1 - a.MonthlyChurn) + a.NewCustomersPerMonth * (1 + a.CustomerGrowthPerMonth), second.Customers, 9);
        Assert.Equal(plan.CumulativeCash()[^1], plan.Months.Sum(m => m.Profit + m.Training) - a.Training.Dollars, 3);
    }

    [Fact]
    public void The_tornado_puts_the_assumption_the_outcome_hangs_on_first()
    {
        var bars = Sensitivity.Tornado(Base, a => new BusinessPlan(a).FinalMonthlyProfit, 0.2);
        Assert.Equal(Base.Rows().Count, bars.Count);
        Assert.Equal(bars.Select(b => b.Width).OrderByDescending(w => w), bars.Select(b => b.Width));
        var price = bars.Single(b => b.Assumption == "price per million tokens");
        Assert.True(price.OutcomeAtHigh > price.Baseline && price.OutcomeAtLow < price.Baseline);
        var horizon = Sensitivity.Tornado(Base, a => a.FixedCostsPerMonth, 0.2, nameof(BusinessAssumptions.FixedCostsPerMonth)).Single();
        Assert.Equal(0.4 * Base.FixedCostsPerMonth, horizon.Width, 6);
        Assert.All(Sensitivity.Tornado(Base, a => a.Utilisation, 0.9).Where(b => b.Assumption.StartsWith("utilisation")), b => Assert.True(b.HighValue <= 1));
        Assert.Throws<ArgumentException>(() => Sensitivity.Tornado(Base, a => 0, 0.2, "Nonsense"));
    }

    [Fact]
    public void The_simulation_repeats_with_its_seed_and_spreads_with_its_uncertainty()
    {
        var narrow = new Uncertainty(0.01, (1.49, 1.51), (0.59, 0.61), (0.029, 0.031), Samples: 200);
        var wide = narrow with { DemandSigma = 0.6, Price = (0.5, 2.5) };
        var first = ProfitSimulation.Run(Base, wide);
        var again = ProfitSimulation.Run(Base, wide);
        Assert.Equal(first.Plans.Select(p => p.FinalMonthlyProfit), again.Plans.Select(p => p.FinalMonthlyProfit));
        double Spread(SimulationResult r) => r.ProfitPercentile(95) - r.ProfitPercentile(5);
        Assert.True(Spread(first) > 10 * Spread(ProfitSimulation.Run(Base, narrow)));
        Assert.All(first.Plans, p => Assert.InRange(p.Assumptions.PricePerMillionTokens, 0.5, 2.5));
        Assert.InRange(first.LossProbability, 0, 1);
    }

    [Fact]
    public void A_risk_multiplies_the_assumption_it_names_and_keeps_shares_below_one()
    {
        var shortage = new Risk("compute cost", "000 §4", nameof(BusinessAssumptions.AcceleratorPricePerHour), 1.5, "prices rise");
        Assert.Equal(1.5 * Base.AcceleratorPricePerHour, shortage.Apply(Base).AcceleratorPricePerHour, 12);
        var leak = new Risk("privacy", "000 §4", nameof(BusinessAssumptions.MonthlyChurn), 100, "customers leave");
        Assert.Equal(1, leak.Apply(Base).MonthlyChurn);
        Assert.Throws<ArgumentException>(() => new Risk("x", "y", "Nope", 2, "z").Apply(Base));
    }

    [Fact]
    public void The_business_models_of_the_sources_are_compared_in_one_table()
    {
        var cases = BusinessModels.FromSources(Base);
        Assert.Equal(8, cases.Count);
        var table = BusinessModels.Compare(cases, Base.Serving.PerMillionTokens);
        Assert.Equal(8, table.Rows.Count);
        var api = cases[0].Evaluate(Base.Serving.PerMillionTokens);
        Assert.Equal(api.Revenue - api.ComputeCost - api.OtherCosts - api.Acquisition - cases[0].FixedCostsPerMonth, api.OperatingProfit, 6);
        Assert.True(cases[0].Evaluate(2 * Base.Serving.PerMillionTokens).GrossMargin < api.GrossMargin);
        Assert.Equal(Math.Round(api.Revenue), (double)table["revenue $"][0]!);
    }

    [Fact]
    public void Every_assumption_says_where_it_comes_from()
    {
        Assert.All(Base.Rows(), r => Assert.False(string.IsNullOrWhiteSpace(r.Source)));
        Assert.All(PublicPrices.All, p => Assert.Matches(@"\d{4}", p.Date));
        Assert.Contains(Base.Rows(), r => r.Property == nameof(BusinessAssumptions.MeasuredTokensPerSecond) && r.Source.Contains("chapter 12"));
    }
}
