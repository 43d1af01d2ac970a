namespace Book.LargeModels;

/// <summary>
/// One line of a <see cref="ParameterCount"/> breakdown (chapter 01): which part of the network,
/// the formula that counts it and the count itself.
/// </summary>
/// <param name="Component">The part of the network, e.g. "attention (Q, K, V, output)".</param>
/// <param name="Formula">How it is counted, in the chapter's symbols V, T, d, d_ff, L.</param>
/// <param name="Parameters">The exact count.</param>
public sealed record ParameterComponent(string Component, string Formula, long Parameters)
{
    /// <summary>The count in short-scale units, e.g. "617.56 M".</summary>
    public string Approximately => ShortScale.Format(Parameters);
}
