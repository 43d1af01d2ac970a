using Book.Display;
using Book.Tensors;
using static TorchSharp.torch;

namespace Book.Visuals;

/// <summary>
/// Where the points of a 2-D sample fall, drawn as a picture (chapter 11): the square [−extent, extent]²
/// is cut into pixels, each pixel is coloured by how many generated points it holds (vermilion, saturated
/// at 0.25 % of the points), over the reference points in grey. Several samples — a generator's output
/// at successive points of training — are drawn side by side. A picture, not a chart: a GAN's samples
/// after thousands of steps differ in detail from one processor to another, and a picture is compared
/// by its size only, while the numbers that matter (<c>ModeCoverage</c>) are printed and checked.
/// </summary>
public static class SampleDensity
{
    static readonly double[] Generated = [0.835, 0.369, 0.0];   // ChartStyle.Palette[1], #D55E00
    const double ReferenceGrey = 0.75;

    /// <summary>One panel per sample of <paramref name="panels"/>, each over <paramref name="reference"/>, in a row.</summary>
    public static Image Panels(IReadOnlyList<Tensor> panels, Tensor reference, double extent, int pixels = 120)
    {
        ArgumentNullException.ThrowIfNull(panels);
        if (panels.Count == 0) throw new ArgumentException("Expected at least one sample to draw, got none.", nameof(panels));
        using var scope = NewDisposeScope();
        var images = stack(panels.Select(p => Picture(p, reference, extent, pixels)).ToArray());
        return ImageGrid.ToImage(images, columns: panels.Count, scale: 1, gap: 4);
    }

    /// <summary>The picture of <paramref name="points"/> [N, 2] over <paramref name="reference"/> [M, 2], as RGB [3, pixels, pixels] in [0, 1].</summary>
    public static Tensor Picture(Tensor points, Tensor reference, double extent, int pixels = 120)
    {
        using var scope = NewDisposeScope();
        var generated = Saturated(Counts(points, extent, pixels), points.shape[0]);
        var real = Saturated(Counts(reference, extent, pixels), reference.shape[0]);
        var background = 1 - (1 - ReferenceGrey) * real;                         // white, grey where real points are
        var channels = Generated.Select(c => background * (1 - generated) + c * generated).ToArray();
        return stack(channels).MoveToOuterDisposeScope();
    }

    /// <summary>How many of <paramref name="points"/> fall in each pixel, [pixels, pixels], row 0 at the top (y = extent).</summary>
    static Tensor Counts(Tensor points, double extent, int pixels)
    {
        Shapes.Require(points, "points", "samples", 2);
        var p = points.detach().cpu().to_type(ScalarType.Float64);
        var column = ((p[.., 0] + extent) / (2 * extent) * pixels).floor().to_type(ScalarType.Int64);
        var row = ((extent - p[.., 1]) / (2 * extent) * pixels).floor().to_type(ScalarType.Int64);
        var inside = column.ge(0) & column.lt(pixels) & row.ge(0) & row.lt(pixels);
        var index = row[inside] * pixels + column[inside];
        return bincount(index, minlength: pixels * pixels).reshape(pixels, pixels).to_type(ScalarType.Float64);
    }

    static Tensor Saturated(Tensor counts, long total) => (counts / Math.Max(1.0, total * 0.0025)).clamp(0, 1);
}
