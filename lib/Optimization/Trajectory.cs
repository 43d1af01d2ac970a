namespace Book.Optimization;

/// <summary>The path of an optimizer on a <see cref="LossSurface"/>: θ_t = (X[t], Y[t]) and J(θ_t) for t = 0 … T.</summary>
/// <param name="Name">The legend, e.g. "Adam (η = 0.1)".</param>
/// <param name="X">x_t.</param>
/// <param name="Y">y_t.</param>
/// <param name="Loss">J(x_t, y_t).</param>
public sealed record Trajectory(string Name, double[] X, double[] Y, double[] Loss)
{
    /// <summary>θ_T, the last point.</summary>
    public (double X, double Y) End => (X[^1], Y[^1]);

    /// <summary>The points θ_t as (x, y) pairs, e.g. for <see cref="Visuals.OptimizerTrajectories"/>.</summary>
    public IReadOnlyList<(double W1, double W2)> Points => X.Zip(Y).ToArray();

    /// <summary>J(θ_T).</summary>
    public double FinalLoss => Loss[^1];

    /// <summary>The distance from θ_T to <paramref name="target"/>.</summary>
    public double DistanceTo((double X, double Y) target) => Math.Sqrt(Math.Pow(X[^1] - target.X, 2) + Math.Pow(Y[^1] - target.Y, 2));

    /// <summary>
    /// At most <paramref name="maxPoints"/> evenly spaced points of the path, always keeping the first and
    /// last, so a plot of a 5000-step run stays small.
    /// </summary>
    public Trajectory Thinned(int maxPoints)
    {
        if (maxPoints < 2) throw new ArgumentOutOfRangeException(nameof(maxPoints), maxPoints, $"Expected at least 2 points, got {maxPoints}.");
        if (X.Length <= maxPoints) return this;
        var keep = Enumerable.Range(0, maxPoints).Select(i => (int)Math.Round(i * (X.Length - 1.0) / (maxPoints - 1))).Distinct().ToArray();
        return this with { X = keep.Select(i => X[i]).ToArray(), Y = keep.Select(i => Y[i]).ToArray(), Loss = keep.Select(i => Loss[i]).ToArray() };
    }

    /// <summary>The first step t with J(θ_t) ≤ <paramref name="threshold"/>, or null if never.</summary>
    public int? StepsToReach(double threshold)
    {
        int index = Array.FindIndex(Loss, l => l <= threshold);
        return index < 0 ? null : index;
    }
}
