namespace Book.LargeModels;

/// <summary>A model's size as its authors reported it, with the year and the paper (chapter 01).</summary>
/// <param name="Model">The model's usual name.</param>
/// <param name="Year">Year of the paper (first arXiv version where there is one).</param>
/// <param name="Parameters">The parameter count the paper reports, as rounded there.</param>
/// <param name="Source">Authors, year and where to find it.</param>
public sealed record PublishedModelSize(string Model, int Year, double Parameters, string Source);
