namespace Book.Tests;

/// <summary>
/// Tests that call <c>Reproducibility.Seed</c> and then rely on the shared random source: xunit runs
/// test classes in parallel, so they join this collection to run one after another.
/// </summary>
[CollectionDefinition(Name)]
public sealed class Seeded
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Seeded: tests that reseed the shared random sources";
}
