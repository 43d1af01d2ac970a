using System.Collections;
using Book.Tensors;
using static TorchSharp.torch;

namespace Book.Data;

/// <summary>
/// Mini-batches for one epoch: the N examples in batches of B rows (the last one smaller unless
/// <c>dropLast</c>), in a fresh random order at every enumeration when <c>shuffle</c> is set — so
/// <c>foreach</c> over the same <see cref="Batches"/> once per epoch is stochastic gradient descent
/// with mini-batches, and the <see cref="Training.Trainer"/> takes it as its training data. The order
/// is <see cref="Shuffling.Permutation"/>'s, so a seeded run repeats exactly. Chapters 04 (batch vs
/// mini-batch vs stochastic GD) and 07–11.
/// <para>
/// Each batch is a pair of new tensors (copies of the rows), so changing a batch in place (data
/// augmentation) never changes the data. The source never disposes the X and Y it was given. A batch
/// is freed by the dispose scope it was made in — the <see cref="Training.Trainer"/> opens one per step —
/// and at the latest when the enumeration moves past it, as TorchSharp's own <c>DataLoader</c> does.
/// The batch an enumeration stops at (after <c>break</c> or <c>First()</c>) is the caller's; keep a
/// batch beyond its step with <c>.clone()</c>.
/// </para>
/// </summary>
public sealed class Batches : IReadOnlyCollection<(Tensor X, Tensor Y)>
{
    readonly TensorDataset data;
    readonly bool shuffle;
    readonly Random? random;
    readonly bool dropLast;
    readonly Func<Tensor, Tensor>? augment;

    /// <summary>Batches of <paramref name="batchSize"/> rows of <paramref name="data"/> (which the batches never dispose).</summary>
    /// <param name="shuffle">A new random order every epoch (for training); in order otherwise (for evaluation).</param>
    /// <param name="random">The source of the order; <see cref="Book.Runtime.Reproducibility.Random"/> (read at each enumeration) when null.</param>
    /// <param name="dropLast">Leave out the last batch when it is smaller than <paramref name="batchSize"/>.</param>
    /// <param name="augment">Applied to the inputs of every batch, anew each epoch: data augmentation (<see cref="Augmentation"/>).</param>
    public Batches(TensorDataset data, int batchSize, bool shuffle = false, Random? random = null, bool dropLast = false,
        Func<Tensor, Tensor>? augment = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.X.device_type != data.Y.device_type || data.X.device_index != data.Y.device_index)
            throw new ArgumentException($"Expected X and Y on the same device, got X on {data.X.device} and Y on {data.Y.device}.");
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        if (dropLast && data.Count < batchSize)
            throw new ArgumentException($"Expected at least one full batch of {batchSize} rows with dropLast, got {data.Count} rows.");
        this.data = data;
        BatchSize = batchSize;
        this.shuffle = shuffle;
        this.random = random;
        this.dropLast = dropLast;
        this.augment = augment;
    }

    /// <summary>Batches of the rows of features <paramref name="x"/> and targets <paramref name="y"/>.</summary>
    public Batches(Tensor x, Tensor y, int batchSize, bool shuffle = false, Random? random = null, bool dropLast = false,
        Func<Tensor, Tensor>? augment = null)
        : this(new TensorDataset(x, y), batchSize, shuffle, random, dropLast, augment) { }

    /// <summary>Rows per batch (B).</summary>
    public int BatchSize { get; }

    /// <summary>The number of examples N.</summary>
    public long Samples => data.Count;

    /// <summary>Batches per epoch: ⌈N / B⌉, or ⌊N / B⌋ with <c>dropLast</c>.</summary>
    public int Count => (int)(dropLast ? data.Count / BatchSize : (data.Count + BatchSize - 1) / BatchSize);

    /// <summary>Enumerates one epoch.</summary>
    public IEnumerator<(Tensor X, Tensor Y)> GetEnumerator()
    {
        long n = data.Count;
        long[] order = shuffle ? Shuffling.Permutation(n, random) : Shuffling.Identity(n);
        (Tensor X, Tensor Y)? previous = null;
        for (int b = 0; b < Count; b++)
        {
            DisposeBatch(previous);
            long start = (long)b * BatchSize;
            long[] rows = order[(int)start..(int)Math.Min(n, start + BatchSize)];
            using var index = tensor(rows, dtype: ScalarType.Int64, device: data.X.device);
            var batch = (Inputs(index), data.Y.index_select(0, index));
            previous = batch;
            yield return batch;
        }
        DisposeBatch(previous);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    Tensor Inputs(Tensor index)
    {
        var rows = data.X.index_select(0, index);
        if (augment is null) return rows;
        var changed = augment(rows);
        if (!ReferenceEquals(changed, rows)) rows.Dispose();
        return changed;
    }

    static void DisposeBatch((Tensor X, Tensor Y)? batch)
    {
        batch?.X.Dispose();
        batch?.Y.Dispose();
    }

    /// <summary>"Batches: 15 × 32 rows of X [455, 30] float32, shuffled".</summary>
    public override string ToString() =>
        $"Batches: {Count} × {BatchSize} rows of X {Shapes.Describe(data.X)}, {(shuffle ? "shuffled" : "in order")}{(augment is null ? "" : ", augmented")}";
}
