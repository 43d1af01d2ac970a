using Book.Tensors;
using System.Collections;
using Book.Runtime;
using static TorchSharp.torch;

namespace Book.Training;

/// <summary>
/// Mini-batches cut from two tensors held in memory, inputs <c>X</c> and targets <c>Y</c>, whose first
/// dimension counts the samples (chapter 07). With <c>shuffle</c>, every enumeration — every epoch —
/// visits the samples in a new order drawn from <see cref="Reproducibility.Random"/>, so a seeded run
/// repeats exactly. The batch tensors are created as they are enumerated and belong to the step that
/// uses them: the <see cref="Trainer"/> disposes them with the step's dispose scope.
/// </summary>
public sealed class TensorBatches : IReadOnlyCollection<(Tensor X, Tensor Y)>
{
    readonly Tensor x;
    readonly Tensor y;
    readonly int batchSize;
    readonly bool shuffle;

    /// <summary>Batches of <paramref name="batchSize"/> samples; the last one may be smaller.</summary>
    public TensorBatches(Tensor x, Tensor y, int batchSize, bool shuffle = false)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.dim() == 0 || y.dim() == 0 || x.shape[0] != y.shape[0])
            throw new ArgumentException(
                $"Expected inputs and targets with the same number of samples in dimension 0, got X of shape {Shapes.Of(x.shape)} and Y of shape {Shapes.Of(y.shape)}.");
        if (batchSize < 1) throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "Expected a batch size of at least 1.");
        (this.x, this.y, this.batchSize, this.shuffle) = (x, y, batchSize, shuffle);
    }

    /// <summary>How many samples there are.</summary>
    public long Samples => x.shape[0];

    /// <summary>How many batches one epoch has: ⌈samples / batch size⌉.</summary>
    public int Count => (int)((Samples + batchSize - 1) / batchSize);

    /// <inheritdoc />
    public IEnumerator<(Tensor X, Tensor Y)> GetEnumerator()
    {
        long[]? order = shuffle ? Permutation(Samples) : null;
        for (long start = 0; start < Samples; start += batchSize)
        {
            long length = Math.Min(batchSize, Samples - start);
            if (order is null)
            {
                yield return (x.narrow(0, start, length), y.narrow(0, start, length));
                continue;
            }
            using var indices = tensor(order.AsSpan((int)start, (int)length).ToArray(), device: x.device);
            yield return (x.index_select(0, indices), y.index_select(0, indices.to(y.device)));
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    static long[] Permutation(long count)
    {
        var order = new long[count];
        for (long i = 0; i < count; i++) order[i] = i;
        Reproducibility.Random.Shuffle(order);
        return order;
    }
}
