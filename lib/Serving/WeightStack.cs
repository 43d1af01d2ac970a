using static TorchSharp.torch;

namespace Book.Serving;

/// <summary>
/// A stand-in for a decoder's weights, to check the <see cref="DecodeRoofline"/> on this machine (chapter 12): L
/// square d × d float32 matrices, applied one after the other to a batch of b vectors — what one decoding step
/// does to its weight matrices, without attention. N = L·d² parameters; a step reads 4N bytes of weights and
/// does 2·N·b FLOPs. With N·4 bytes well beyond the caches (tens of MB), its time per step should stay nearly
/// flat while b is small (memory-bound) and grow in proportion to b once the arithmetic dominates.
/// </summary>
public sealed class WeightStack : IDisposable
{
    readonly Tensor[] weights;

    /// <summary><paramref name="layers"/> random matrices of <paramref name="size"/> × <paramref name="size"/>.</summary>
    public WeightStack(int layers, int size)
    {
        if (layers < 1 || size < 1) throw new ArgumentException($"Expected a positive number of layers and size, got {layers} and {size}.");
        Size = size;
        weights = Enumerable.Range(0, layers).Select(_ => randn(size, size) / Math.Sqrt(size)).ToArray();
    }

    /// <summary>d.</summary>
    public int Size { get; }

    /// <summary>N = L·d².</summary>
    public long Parameters => weights.Sum(w => w.numel());

    /// <summary>The best measured seconds of one step for <paramref name="batch"/> vectors.</summary>
    public double StepSeconds(int batch, int repeats = 5)
    {
        if (batch < 1) throw new ArgumentOutOfRangeException(nameof(batch), batch, "Expected a batch of at least one vector.");
        using var x = randn(batch, Size);
        return Timing.Best(() =>
        {
            var h = x;
            foreach (var w in weights) h = h.matmul(w);
            h.sum().item<float>();
        }, repeats);
    }

    /// <summary>Frees the matrices.</summary>
    public void Dispose()
    {
        foreach (var w in weights) w.Dispose();
    }
}
