namespace Book.Initialisation;

/// <summary>
/// The shape of the distribution an <see cref="Initialiser"/> samples from. Both have mean 0; for a
/// standard deviation σ the normal is N(0, σ²) and the uniform is U(−√3·σ, √3·σ) (the uniform on
/// [−a, a] has variance a²/3).
/// </summary>
public enum Distribution
{
    /// <summary>Gaussian, N(0, σ²).</summary>
    Normal,
    /// <summary>Uniform, U(−√3·σ, √3·σ).</summary>
    Uniform,
}
