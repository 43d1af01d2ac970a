namespace Book.LargeModels;

/// <summary>
/// A transformer whose hyper-parameters and parameter count were published together, so the calculator of
/// chapter 01 can be checked against it. Reported counts are rounded (BERT-large's "340M" has two
/// significant figures); compare with a tolerance, never for equality.
/// </summary>
/// <param name="Name">The model's usual name.</param>
/// <param name="Config">Its published hyper-parameters.</param>
/// <param name="ReportedParameters">The parameter count its authors report.</param>
/// <param name="Source">Where the hyper-parameters and the count are published.</param>
public sealed record PublishedTransformer(string Name, TransformerConfig Config, double ReportedParameters, string Source)
{
    /// <summary>The calculator's count for <see cref="Config"/>.</summary>
    public ParameterCount Count => ParameterCount.Of(Config);

    /// <summary>(counted − reported) / reported.</summary>
    public double RelativeDifference => (Count.Total - ReportedParameters) / ReportedParameters;
}
