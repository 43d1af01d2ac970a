using Book.Tensors;
using static TorchSharp.torch;

namespace Book.Display;

/// <summary>
/// A picture a notebook shows as <c>image/png</c>: 8-bit grayscale or RGB pixels, row by row. Made from
/// a tensor with <see cref="FromTensor"/> (values mapped linearly from a range to 0–255, and enlarged by
/// an integer factor so a 28 × 28 image is not a speck). Chapters 08 (Fashion-MNIST) and 10 (GAN samples).
/// </summary>
public sealed class Image
{
    /// <summary>An image of <paramref name="pixels"/>: <paramref name="height"/> rows of <paramref name="width"/> × <paramref name="channels"/> bytes.</summary>
    public Image(int width, int height, int channels, byte[] pixels)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        if (channels is not (1 or 3)) throw new ArgumentOutOfRangeException(nameof(channels), channels, "Expected 1 (grayscale) or 3 (RGB) channels.");
        if (width < 1 || height < 1 || pixels.Length != width * height * channels)
            throw new ArgumentException($"Expected {width}×{height}×{channels} = {width * height * channels} bytes of pixels, got {pixels.Length}.", nameof(pixels));
        Width = width;
        Height = height;
        Channels = channels;
        Pixels = pixels;
    }

    /// <summary>Pixels per row.</summary>
    public int Width { get; }
    /// <summary>Rows.</summary>
    public int Height { get; }
    /// <summary>1 for grayscale, 3 for RGB.</summary>
    public int Channels { get; }
    /// <summary>The pixel bytes, row-major, channels interleaved (R, G, B, R, …).</summary>
    public byte[] Pixels { get; }

    /// <summary>
    /// The image of a <c>[H, W]</c>, <c>[1, H, W]</c> or <c>[3, H, W]</c> tensor. Values in
    /// <paramref name="range"/> map to 0–255 (clamped outside); when null the range is [0, 1] if every value
    /// lies there, [0, 255] for uint8, otherwise the tensor's own minimum and maximum. NaN is drawn white.
    /// Each pixel becomes a <paramref name="scale"/> × <paramref name="scale"/> block.
    /// </summary>
    public static Image FromTensor(Tensor tensor, int scale = 1, (double Min, double Max)? range = null)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        ArgumentOutOfRangeException.ThrowIfLessThan(scale, 1);
        using var scope = NewDisposeScope();
        var chw = tensor.dim() == 2 ? tensor.unsqueeze(0) : tensor;
        if (chw.dim() != 3 || chw.shape[0] is not (1 or 3))
            throw new ArgumentException($"Expected an image [H, W], [1, H, W] or [3, H, W], got {Shapes.Describe(tensor)}.", nameof(tensor));
        var (min, max) = range ?? PixelRange(tensor);
        var values = chw.detach().cpu().to_type(ScalarType.Float64);
        var unit = values.sub(min).div(max > min ? max - min : 1).clamp(0, 1).nan_to_num(1.0);
        var bytes = unit.mul(255).round().to_type(ScalarType.Byte)
            .repeat_interleave(scale, 1).repeat_interleave(scale, 2)
            .permute(1, 2, 0).contiguous();
        return new Image((int)bytes.shape[1], (int)bytes.shape[0], (int)bytes.shape[2], bytes.data<byte>().ToArray());
    }

    /// <summary>The range <see cref="FromTensor"/> maps to black and white when none is given.</summary>
    public static (double Min, double Max) PixelRange(Tensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        if (tensor.dtype == ScalarType.Byte) return (0, 255);
        using var values = tensor.detach().cpu().to_type(ScalarType.Float64);
        using var finite = values.masked_select(values.isfinite());
        if (finite.numel() == 0) return (0, 1);
        double min = finite.min().item<double>(), max = finite.max().item<double>();
        return min >= 0 && max <= 1 ? (0, 1) : (min, max);
    }

    /// <summary>The PNG file of this image.</summary>
    public byte[] ToPng() => PngEncoder.Encode(Width, Height, Channels, Pixels);

    /// <summary>"[image 56×56 grayscale]".</summary>
    public override string ToString() => $"[image {Width}×{Height} {(Channels == 1 ? "grayscale" : "RGB")}]";
}
