using Book.Business;
using Book.LargeModels;

namespace Book.Tests.Business;

/// <summary>The formulas of chapter 13, one per concept, against values worked out by hand.</summary>
public class UnitEconomicsTests
{
    [Fact]
    public void A_million_tokens_costs_the_price_of_the_hours_it_takes()
    {
        // $2.50 an hour, 1,500 tokens/s, busy 40 %: 2,160,000 tokens per paid hour.
        var cost = new ServingCost(2.50, 1500, 0.40);
        Assert.Equal(2.50 / 2.16e6 * 1e6, cost.PerMillionTokens, 12);
        Assert.Equal(1500 * 3600 * 0.40 * 730, cost.TokensPerMonth, 6);
        Assert.Equal(2 * cost.PerMillionTokens, (cost with { Utilisation = 0.20 }).PerMillionTokens, 12);
        Assert.Contains("utilisation", Assert.Throws<ArgumentException>(() => (cost with { Utilisation = 0 }).PerMillionTokens).Message);
        Assert.Contains("throughput", Assert.Throws<ArgumentException>(() => (cost with { TokensPerSecond = -1 }).PerMillionTokens).Message);
    }

    [Fact]
    public void Gross_margin_is_the_share_of_revenue_left_after_the_cost_of_revenue()
    {
        Assert.Equal(0.75, GrossMargin.Of(100, 25), 15);
        Assert.Equal(-0.5, GrossMargin.Of(100, 150), 15);
        Assert.Throws<ArgumentOutOfRangeException>(() => GrossMargin.Of(0, 1));
    }

    [Fact]
    public void Pricing_plans_charge_the_fee_plus_the_tokens_beyond_the_included_ones()
    {
        var plan = new PricingPlan("team", 50, 2.0, IncludedTokens: 10e6);
        Assert.Equal(50, plan.Revenue(4e6));
        Assert.Equal(50 + 2.0 * 15, plan.Revenue(25e6), 12);
        Assert.Equal(1.5 * 30, PricingPlan.PayPerUse(1.5).Revenue(30e6), 12);
        // A flat subscription: the heavy user's margin falls, the light user's does not.
        var flat = PricingPlan.Subscription(20);
        Assert.Equal(20, flat.Revenue(1e9));
        Assert.True(flat.GrossMargin(50e6, 0.2) < flat.GrossMargin(1e6, 0.2));
        Assert.Equal(1 - 0.2 / 1.5, PricingPlan.PayPerUse(1.5).GrossMargin(7e6, 0.2), 12);
    }

    [Fact]
    public void Break_even_volume_month_and_payback()
    {
        Assert.Equal(80_000 / (1.5 - 0.3), BreakEven.Volume(80_000, 1.5, 0.3), 9);
        Assert.Equal(double.PositiveInfinity, BreakEven.Volume(80_000, 0.3, 0.3));
        Assert.Equal(3, BreakEven.Month([-5, -1, 0, 2]));
        Assert.Null(BreakEven.Month([-5, -1]));
        Assert.Equal(4, BreakEven.PaybackMonth([-5, 10, 10, 10], 20));   // −20 → −25 → −15 → −5 → +5
        Assert.Null(BreakEven.PaybackMonth([1, 1], 20));
    }

    [Fact]
    public void Lifetime_value_is_monthly_gross_profit_times_the_expected_lifetime()
    {
        var customer = new CustomerLifetimeValue(45, 0.40, 0.05);
        Assert.Equal(20, customer.LifetimeMonths, 12);
        Assert.Equal(45 * 0.40 * 20, customer.Value, 9);
        Assert.Equal(360.0 / 250, customer.RatioTo(250), 12);
        Assert.Equal(250 / 18.0, customer.PaybackMonths(250), 12);
        Assert.Throws<ArgumentException>(() => new CustomerLifetimeValue(45, 0.4, 0).Value);
    }

    [Fact]
    public void Training_costs_6ND_FLOPs_at_the_achieved_throughput_spread_over_the_tokens_served()
    {
        var training = new TrainingCost(new TrainingCompute(7e9, 1e12), AchievedThroughput.Reference, 2.0);
        double hours = 6 * 7e9 * 1e12 / (300e12 * 0.4) / 3600;
        Assert.Equal(hours, training.AcceleratorHours, hours * 1e-12);
        Assert.Equal(2 * hours, training.Dollars, hours * 1e-11);
        Assert.Equal(training.Dollars / 1e12 * 1e6, training.PerMillionTokensServed(1e12), 1e-9);
        Assert.Throws<ArgumentOutOfRangeException>(() => training.PerMillionTokensServed(0));
    }
}
