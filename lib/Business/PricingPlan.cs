namespace Book.Business;

/// <summary>
/// How a customer pays (chapter 13): a monthly fee that includes some tokens, and a price per million tokens beyond
/// them. Pay-per-use is a plan without fee; a flat subscription, a fee that includes every token. A customer who
/// uses T tokens a month pays
/// <code>revenue = fee + price · max(0, T − included) / 10⁶,</code>
/// and costs T · (cost per 10⁶ tokens) / 10⁶ to serve — so under a flat fee the heaviest users are the least
/// profitable, and under pay-per-use every token carries the same margin.
/// </summary>
/// <param name="Name">What the plan is called.</param>
/// <param name="MonthlyFee">Dollars per month.</param>
/// <param name="PricePerMillionTokens">Dollars per million tokens beyond the included ones.</param>
/// <param name="IncludedTokens">Tokens per month the fee covers (∞ for a flat subscription).</param>
public sealed record PricingPlan(string Name, double MonthlyFee, double PricePerMillionTokens, double IncludedTokens = 0)
{
    /// <summary>Dollars per million tokens, no fee.</summary>
    public static PricingPlan PayPerUse(double pricePerMillionTokens) => new("pay per use", 0, pricePerMillionTokens);

    /// <summary>A flat monthly fee, every token included.</summary>
    public static PricingPlan Subscription(double monthlyFee) => new("subscription", monthlyFee, 0, double.PositiveInfinity);

    /// <summary>What a customer using <paramref name="tokens"/> tokens a month pays.</summary>
    public double Revenue(double tokens)
    {
        if (!(tokens >= 0)) throw new ArgumentOutOfRangeException(nameof(tokens), tokens, "Expected a non-negative number of tokens.");
        return MonthlyFee + PricePerMillionTokens * Math.Max(0, tokens - IncludedTokens) / 1e6;
    }

    /// <summary>What serving that customer costs at <paramref name="costPerMillionTokens"/>.</summary>
    public static double ServingCost(double tokens, double costPerMillionTokens) => tokens * costPerMillionTokens / 1e6;

    /// <summary>The <see cref="Business.GrossMargin"/> of a customer using <paramref name="tokens"/> tokens.</summary>
    public double GrossMargin(double tokens, double costPerMillionTokens) =>
        Business.GrossMargin.Of(Revenue(tokens), ServingCost(tokens, costPerMillionTokens));
}
