namespace Book.Autograd;

/// <summary>The result of <see cref="GradientCheck.Check"/>: one <see cref="GradientComparison"/> per input.</summary>
/// <param name="Rows">One comparison per input, in order.</param>
public sealed record GradientCheckReport(IReadOnlyList<GradientComparison> Rows)
{
    /// <summary>The worst relative error over all inputs.</summary>
    public double MaxRelativeError => Rows.Max(r => r.MaxRelativeError);

    /// <summary>True when every input's gradient agrees within <paramref name="tolerance"/>.</summary>
    public bool Agrees(double tolerance = GradientComparison.DefaultTolerance) => Rows.All(r => r.Agrees(tolerance));

    /// <summary>One line per input.</summary>
    public override string ToString() => string.Join('\n', Rows);
}
