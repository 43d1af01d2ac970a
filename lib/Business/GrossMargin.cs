namespace Book.Business;

/// <summary>
/// Gross margin (chapter 13): the share of revenue left after the costs that grow with every sale — for a model
/// served per token, the compute behind the tokens, and whatever people or data each customer needs:
/// <code>gross margin = (revenue − cost of revenue) / revenue.</code>
/// Software companies typically report 70–80 %; an AI service whose every answer burns accelerator time can have far
/// less, and a negative margin means each extra customer loses money however many there are.
/// </summary>
public static class GrossMargin
{
    /// <summary>(revenue − cost) / revenue; revenue must be positive.</summary>
    public static double Of(double revenue, double costOfRevenue) => revenue > 0 ? (revenue - costOfRevenue) / revenue
        : throw new ArgumentOutOfRangeException(nameof(revenue), revenue, "Expected positive revenue for a margin.");
}
