namespace Book.Tests;

/// <summary>
/// Tests whose outcome depends on the exact random numbers after <c>Reproducibility.Seed</c> (training
/// runs, seeded sampling). TorchSharp's generator is one per process, so these run alone: a test in
/// another class drawing random numbers at the same time would change their draws.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SeededCollection
{
    /// <summary>The collection's name, for <c>[Collection(SeededCollection.Name)]</c>.</summary>
    public const string Name = "Seeded random numbers";
}
