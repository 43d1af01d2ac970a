using Book.Tensors;
using static TorchSharp.torch;

namespace Book.Convolutions;

/// <summary>
/// Pooling written out as loops (chapter 08): a k×k window slides with stride s (k by default, so windows
/// do not overlap) over every channel separately and keeps the largest value (max pooling) or the mean
/// (average pooling):
/// <code>
/// Y[c, i, j] = max_{u,v &lt; k} X[c, i·s + u, j·s + v]      or      (1/k²) Σ_{u,v &lt; k} X[c, i·s + u, j·s + v]
/// </code>
/// The output side is <see cref="Convolution.OutputSize"/> with no padding: ⌊(n − k)/s⌋ + 1. Pooling has no
/// weights; it makes the maps smaller and a feature's exact position matter less. Checked against
/// <c>nn.functional.max_pool2d</c> and <c>avg_pool2d</c> in the library's tests and in chapter 08.
/// </summary>
public static class Pooling
{
    /// <summary>Max pooling of <paramref name="maps"/> [C, H, W]; float64 [C, H_out, W_out].</summary>
    public static Tensor Max(Tensor maps, int size = 2, int? stride = null) => Pool(maps, size, stride ?? size, window => window.Max());

    /// <summary>Average pooling of <paramref name="maps"/> [C, H, W]; float64 [C, H_out, W_out].</summary>
    public static Tensor Average(Tensor maps, int size = 2, int? stride = null) => Pool(maps, size, stride ?? size, window => window.Average());

    static Tensor Pool(Tensor maps, int size, int stride, Func<IEnumerable<double>, double> reduce)
    {
        Shapes.RequireDimensions(maps, 3, nameof(maps), "[channels, height, width]");
        long channels = maps.shape[0], height = maps.shape[1], width = maps.shape[2];
        long outHeight = Convolution.OutputSize(height, size, 0, stride), outWidth = Convolution.OutputSize(width, size, 0, stride);
        var x = Convolution.Values(maps);
        var y = new double[channels * outHeight * outWidth];
        for (long c = 0; c < channels; c++)
            for (long i = 0; i < outHeight; i++)
                for (long j = 0; j < outWidth; j++)
                {
                    var window = from u in Enumerable.Range(0, size)
                                 from v in Enumerable.Range(0, size)
                                 select x[(c * height + i * stride + u) * width + j * stride + v];
                    y[(c * outHeight + i) * outWidth + j] = reduce(window);
                }
        return tensor(y, [channels, outHeight, outWidth], ScalarType.Float64);
    }
}
