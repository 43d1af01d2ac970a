using Book.Tensors;
using static TorchSharp.torch;

namespace Book.Data;

/// <summary>
/// Examples as two tensors with one row each: features <see cref="X"/> (<c>[N, …]</c>) and targets
/// <see cref="Y"/> (<c>[N]</c> or <c>[N, …]</c>), PyTorch's <c>TensorDataset</c>. The dataset owns its tensors:
/// disposing it disposes both. Built by the loaders (<see cref="Datasets"/>) and by
/// <see cref="TrainValidationTestSplit"/>; every training chapter (03, 06–10) feeds one to <see cref="Batches"/>.
/// </summary>
public sealed class TensorDataset : IDisposable
{
    /// <summary>Pairs features and targets; both must have the same number of rows.</summary>
    public TensorDataset(Tensor x, Tensor y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.dim() == 0 || y.dim() == 0 || x.shape[0] != y.shape[0])
            throw new ArgumentException(
                $"Expected X and Y with the same number of rows, got X {Shapes.Describe(x)} and Y {Shapes.Describe(y)}.");
        X = x;
        Y = y;
    }

    /// <summary>Features, one row per example.</summary>
    public Tensor X { get; }

    /// <summary>Targets (labels or values), one row per example.</summary>
    public Tensor Y { get; }

    /// <summary>The number of examples N.</summary>
    public long Count => X.shape[0];

    /// <summary>A new dataset of copies of the rows at <paramref name="indices"/>, in that order.</summary>
    public TensorDataset Rows(IReadOnlyList<long> indices)
    {
        ArgumentNullException.ThrowIfNull(indices);
        foreach (long i in indices)
            if (i < 0 || i >= Count)
                throw new ArgumentOutOfRangeException(nameof(indices), i, $"Expected row indices in [0, {Count}), got {i}.");
        using var index = tensor(indices.ToArray(), dtype: ScalarType.Int64, device: X.device);
        using var yIndex = index.to(Y.device);
        return new TensorDataset(X.index_select(0, index), Y.index_select(0, yIndex));
    }

    /// <summary>Lets <c>var (x, y) = data;</c> take the two tensors apart.</summary>
    public void Deconstruct(out Tensor x, out Tensor y)
    {
        x = X;
        y = Y;
    }

    /// <summary>"TensorDataset: 569 examples, X [569, 30] float32, Y [569] int64".</summary>
    public override string ToString() =>
        $"TensorDataset: {Count} examples, X {Shapes.Describe(X)}, Y {Shapes.Describe(Y)}";

    /// <summary>Disposes <see cref="X"/> and <see cref="Y"/>.</summary>
    public void Dispose()
    {
        X.Dispose();
        Y.Dispose();
    }
}
