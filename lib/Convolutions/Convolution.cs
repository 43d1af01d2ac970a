using Book.Tensors;
using static TorchSharp.torch;

namespace Book.Convolutions;

/// <summary>
/// A 2-D convolution written out as loops (chapter 08), the way <c>nn.Conv2d</c> computes it — strictly a
/// cross-correlation, since the kernel is not flipped. For an image X with C_in channels, kernels
/// K [C_out, C_in, k_h, k_w], bias b, stride s and zero padding p:
/// <code>
/// Y[o, i, j] = b[o] + Σ_c Σ_u Σ_v X̃[c, i·s + u, j·s + v] · K[o, c, u, v]
/// </code>
/// where X̃ is X with p zeros added on every side. Each output channel o is one filter swept over every
/// position; each filter sums over all input channels. The output side is <see cref="OutputSize"/>.
/// Checked against <c>nn.functional.conv2d</c> in the library's tests and in chapter 08.
/// </summary>
public static class Convolution
{
    /// <summary>⌊(n + 2p − k) / s⌋ + 1: how many positions a k-wide window with stride s finds on a side of n pixels padded by p.</summary>
    public static long OutputSize(long n, long k, long padding = 0, long stride = 1)
    {
        if (n < 1 || k < 1 || padding < 0 || stride < 1)
            throw new ArgumentOutOfRangeException(nameof(n), $"Expected n ≥ 1, k ≥ 1, p ≥ 0 and s ≥ 1, got n = {n}, k = {k}, p = {padding}, s = {stride}.");
        if (n + 2 * padding < k)
            throw new ArgumentException($"A {k}-pixel kernel does not fit on {n} pixels with padding {padding}.");
        return (n + 2 * padding - k) / stride + 1;
    }

    /// <summary>Y = X ⋆ K + b for one image <paramref name="image"/> [C_in, H, W]; float64 [C_out, H_out, W_out].</summary>
    /// <param name="kernels">[C_out, C_in, k_h, k_w].</param>
    /// <param name="bias">[C_out], or null for none.</param>
    public static Tensor Apply(Tensor image, Tensor kernels, Tensor? bias = null, int stride = 1, int padding = 0)
    {
        Shapes.RequireDimensions(image, 3, nameof(image), "[channels, height, width]");
        Shapes.RequireDimensions(kernels, 4, nameof(kernels), "[out channels, in channels, kernel height, kernel width]");
        long channels = image.shape[0], height = image.shape[1], width = image.shape[2];
        long outChannels = kernels.shape[0], kh = kernels.shape[2], kw = kernels.shape[3];
        if (kernels.shape[1] != channels)
            throw new ArgumentException($"Expected kernels with {channels} input channels (the image's), got {Shapes.Of(kernels)}.", nameof(kernels));
        if (bias is not null) Shapes.Require(bias, nameof(bias), outChannels);
        long outHeight = OutputSize(height, kh, padding, stride), outWidth = OutputSize(width, kw, padding, stride);

        var x = Values(image);
        var k = Values(kernels);
        var b = bias is null ? new double[outChannels] : Values(bias);
        var y = new double[outChannels * outHeight * outWidth];
        for (long o = 0; o < outChannels; o++)
            for (long i = 0; i < outHeight; i++)
                for (long j = 0; j < outWidth; j++)
                {
                    double sum = b[o];
                    for (long c = 0; c < channels; c++)
                        for (long u = 0; u < kh; u++)
                            for (long v = 0; v < kw; v++)
                            {
                                long row = i * stride + u - padding, column = j * stride + v - padding;
                                if (row < 0 || row >= height || column < 0 || column >= width) continue; // a padding zero
                                sum += x[(c * height + row) * width + column] * k[((o * channels + c) * kh + u) * kw + v];
                            }
                    y[(o * outHeight + i) * outWidth + j] = sum;
                }
        return tensor(y, [outChannels, outHeight, outWidth], ScalarType.Float64);
    }

    /// <summary>The elements of <paramref name="t"/> in row-major order, as float64.</summary>
    internal static double[] Values(Tensor t)
    {
        using var values = t.detach().to(ScalarType.Float64).cpu().contiguous();
        return values.data<double>().ToArray();
    }
}
