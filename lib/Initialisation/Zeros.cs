namespace Book.Initialisation;

/// <summary>
/// Zero initialisation, chapter 5: w = 0. Fine for biases, fatal for weights: every unit of a layer
/// computes the same output and receives the same gradient, so the units stay identical forever
/// (the symmetry is never broken) and the layer behaves like a single unit.
/// </summary>
public sealed class Zeros : Initialiser
{
    /// <summary>The all-zero scheme.</summary>
    public Zeros() : base(Distribution.Normal) { }

    /// <inheritdoc />
    public override double StandardDeviation(Fans fans) => 0;

    /// <inheritdoc />
    public override string ToString() => "Zeros";
}
