namespace Book.Business;

/// <summary>A public price, with its unit, the date it was listed and where (chapter 13). Prices change; the date says when this one held.</summary>
/// <param name="What">The product.</param>
/// <param name="Price">The price.</param>
/// <param name="Unit">What the price is for.</param>
/// <param name="Date">When it was listed.</param>
/// <param name="Source">Where.</param>
public sealed record PricePoint(string What, double Price, string Unit, string Date, string Source);
