using Book.Tensors;
using static TorchSharp.torch;

namespace Book.Data;

/// <summary>
/// Standardisation: z = (x − μ) / σ per feature, with the mean μ and the population standard deviation
/// σ = √(Σ(x − μ)² / N) of each column of the <em>training</em> set only (fitting on all the data would
/// leak the validation and test sets into training). A constant column has σ = 0 and is divided by 1
/// instead, as scikit-learn's <c>StandardScaler</c> does. Chapters 04 (gradient descent converges much
/// faster on standardised features) and 06.
/// </summary>
public sealed class Standardizer : IDisposable
{
    Standardizer(Tensor mean, Tensor std)
    {
        Mean = mean;
        Std = std;
    }

    /// <summary>μ, one value per feature (the shape of one row).</summary>
    public Tensor Mean { get; }

    /// <summary>σ, one value per feature; 1 where the training column was constant.</summary>
    public Tensor Std { get; }

    /// <summary>Learns μ and σ from the rows (dimension 0) of <paramref name="train"/>, a floating-point tensor.</summary>
    public static Standardizer Fit(Tensor train)
    {
        ArgumentNullException.ThrowIfNull(train);
        if (train.dim() < 1 || train.shape[0] < 1)
            throw new ArgumentException($"Expected at least one training row, got {Shapes.Describe(train)}.", nameof(train));
        if (!DTypes.IsFloatingPoint(train.dtype))
            throw new ArgumentException(
                $"Expected a floating-point tensor, got {Shapes.Describe(train)}; convert it first, e.g. x.to_type(ScalarType.Float32).", nameof(train));
        using var scope = NewDisposeScope();
        var mean = train.mean(new long[] { 0 });
        var std = train.std(0, unbiased: false);
        var safeStd = where(std.eq(0), ones_like(std), std);
        return new Standardizer(mean.MoveToOuterDisposeScope(), safeStd.MoveToOuterDisposeScope());
    }

    /// <summary>
    /// A standardiser with a μ and σ learned earlier — read back from a saved model bundle (chapter 12), where
    /// the statistics of the training set must travel with the weights. σ must be positive everywhere.
    /// </summary>
    public static Standardizer FromStatistics(float[] mean, float[] std)
    {
        ArgumentNullException.ThrowIfNull(mean);
        ArgumentNullException.ThrowIfNull(std);
        if (mean.Length == 0 || mean.Length != std.Length)
            throw new ArgumentException($"Expected as many means as standard deviations (at least one), got {mean.Length} and {std.Length}.");
        int bad = Array.FindIndex(std, s => !(s > 0) || float.IsInfinity(s));
        if (bad >= 0) throw new ArgumentException($"Expected positive, finite standard deviations, got {std[bad]} for feature {bad}.", nameof(std));
        return new Standardizer(tensor(mean), tensor(std));
    }

    /// <summary>z = (x − μ) / σ, for any tensor whose rows have μ's shape.</summary>
    public Tensor Transform(Tensor x)
    {
        CheckRows(x);
        using var centred = x - Mean;
        return centred / Std;
    }

    /// <summary>x = z · σ + μ: back to the original units (to report a prediction in dollars, not in σ).</summary>
    public Tensor InverseTransform(Tensor z)
    {
        CheckRows(z);
        using var scaled = z * Std;
        return scaled + Mean;
    }

    void CheckRows(Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.dim() != Mean.dim() + 1 || !x.shape.Skip(1).SequenceEqual(Mean.shape))
            throw new ArgumentException(
                $"Expected rows of shape {Shapes.Of(Mean)} (as in the training data), got {Shapes.Describe(x)}.", nameof(x));
    }

    /// <summary>Disposes μ and σ.</summary>
    public void Dispose()
    {
        Mean.Dispose();
        Std.Dispose();
    }
}
