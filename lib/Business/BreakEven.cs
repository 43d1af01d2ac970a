namespace Book.Business;

/// <summary>
/// When a business stops losing money (chapter 13). The break-even volume is the number of units — tokens,
/// customers — whose contribution covers the fixed costs:
/// <code>volume = fixed costs / (price − variable cost) per unit,</code>
/// with no break-even at all when a unit costs more than it brings. Over time, the break-even month is the first
/// month whose profit is not negative, and the payback month the first month by whose end the cumulative profit has
/// repaid an up-front investment (a training run).
/// </summary>
public static class BreakEven
{
    /// <summary>Fixed costs / (price − variable cost); +∞ when the margin per unit is not positive.</summary>
    public static double Volume(double fixedCosts, double pricePerUnit, double variableCostPerUnit)
    {
        if (!(fixedCosts >= 0)) throw new ArgumentOutOfRangeException(nameof(fixedCosts), fixedCosts, "Expected non-negative fixed costs.");
        double margin = pricePerUnit - variableCostPerUnit;
        return margin > 0 ? fixedCosts / margin : double.PositiveInfinity;
    }

    /// <summary>The first month (1-based) with profit ≥ 0, or null when none of <paramref name="monthlyProfit"/> is.</summary>
    public static int? Month(IReadOnlyList<double> monthlyProfit)
    {
        ArgumentNullException.ThrowIfNull(monthlyProfit);
        for (int m = 0; m < monthlyProfit.Count; m++)
            if (monthlyProfit[m] >= 0) return m + 1;
        return null;
    }

    /// <summary>The first month (1-based) by whose end Σ profit ≥ <paramref name="investment"/>, or null within the horizon.</summary>
    public static int? PaybackMonth(IReadOnlyList<double> monthlyProfit, double investment)
    {
        ArgumentNullException.ThrowIfNull(monthlyProfit);
        double cumulative = -investment;
        for (int m = 0; m < monthlyProfit.Count; m++)
        {
            cumulative += monthlyProfit[m];
            if (cumulative >= 0) return m + 1;
        }
        return null;
    }
}
