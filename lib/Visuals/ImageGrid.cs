using Book.Display;
using Book.Tensors;
using Plotly.NET;
using TorchSharp;
using static TorchSharp.torch;
using CSharpChart = Plotly.NET.CSharp.Chart;

namespace Book.Visuals;

/// <summary>
/// Many small images side by side, <c>columns</c> to a row with a thin gap: a batch of Fashion-MNIST
/// items with their labels (chapter 08), convolution filters and feature maps (07), generated samples
/// over training (10). Takes <c>[N, 1, H, W]</c> or <c>[N, H, W]</c>; as a Plotly heatmap
/// (<see cref="Plot"/>, hover shows pixel values) or as a PNG (<see cref="ToImage"/>, which also draws RGB <c>[N, 3, H, W]</c>). Values map to
/// black–white over [0, 1], or over the images' own range when they leave it (e.g. tanh outputs in [−1, 1]).
/// </summary>
public static class ImageGrid
{
    /// <summary>The images as one grayscale heatmap, labelled above each tile when <paramref name="labels"/> are given.</summary>
    public static GenericChart Plot(Tensor images, int columns = 8, IReadOnlyList<string>? labels = null, string title = "Images")
    {
        using var scope = NewDisposeScope();
        var batch = Batch(images);
        long n = batch.shape[0], h = batch.shape[2], w = batch.shape[3];
        if (batch.shape[1] != 1)
            throw new ArgumentException($"Expected grayscale images [N, 1, H, W] or [N, H, W] for a heatmap, got {Shapes.Describe(images)}; ToImage draws RGB.", nameof(images));
        if (labels is not null && labels.Count != n)
            throw new ArgumentException($"Expected one label per image ({n}), got {labels.Count}.", nameof(labels));
        var (min, max) = Image.PixelRange(batch);
        int gap = labels is null ? 1 : (int)Math.Max(4, h / 4);
        var grid = Tile(batch, columns, gap, double.NaN)[0];
        int rows = (int)grid.shape[0], width = (int)grid.shape[1];
        var flat = grid.data<double>().ToArray();
        var z = Enumerable.Range(0, rows).Select(r => Enumerable.Range(0, width)
            .Select(c => double.IsNaN(flat[r * width + c]) ? (double?)null : Matrices.Significant(flat[r * width + c])).ToArray()).ToArray();
        var heatmap = CSharpChart.Heatmap<double, int, int, string>(Array.Empty<double[]>(), ColorScale: StyleParam.Colorscale.Greys, ShowScale: false, UseDefaults: false);
        foreach (var trace in GenericChart.getTraces(heatmap))
        {
            trace.SetProperty("z", z); // gaps are null: Plotly leaves them blank (NaN is not JSON)
            trace.SetProperty("zmin", min);
            trace.SetProperty("zmax", max);
        }
        var annotations = labels?.Select((label, i) => new Dictionary<string, object>
        {
            ["x"] = (i % columns) * (w + gap) + (w - 1) / 2.0,
            ["y"] = (i / columns) * (h + gap) - 0.5,
            ["text"] = label, ["showarrow"] = false, ["yanchor"] = "bottom",
            ["font"] = new Dictionary<string, object> { ["size"] = 10 },
        });
        var x = Hidden();
        x["constrain"] = "domain";
        var y = Hidden();
        y["autorange"] = "reversed";
        y["scaleanchor"] = "x";
        double aspect = (double)(rows + (labels is null ? 0 : gap)) / width;
        int height = (int)Math.Clamp(Math.Round(aspect * (ChartStyle.Width - 88) + 104), 160, 900);
        return ChartStyle.Apply(heatmap, title, x, y, annotations, height: height);
    }

    /// <summary>The images as one PNG picture, each pixel enlarged <paramref name="scale"/> times, white gaps between tiles.</summary>
    public static Image ToImage(Tensor images, int columns = 8, int scale = 2, int gap = 1)
    {
        using var scope = NewDisposeScope();
        var batch = Batch(images);
        var range = Image.PixelRange(batch);
        return Image.FromTensor(Tile(batch, columns, gap, range.Max), scale, range);
    }

    /// <summary>
    /// The images laid out in a grid, <c>[C, rows·(H+gap)−gap, columns·(W+gap)−gap]</c> as float64, gaps and
    /// empty places filled with <paramref name="fill"/>.
    /// </summary>
    public static Tensor Tile(Tensor images, int columns, int gap, double fill)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(gap);
        using var scope = NewDisposeScope();
        var batch = Batch(images).to_type(ScalarType.Float64);
        long n = batch.shape[0], c = batch.shape[1], h = batch.shape[2], w = batch.shape[3];
        long perRow = Math.Min(columns, n), rows = (n + perRow - 1) / perRow;
        var empty = full(new[] { rows * perRow - n, c, h, w }, fill, dtype: ScalarType.Float64);
        var padded = nn.functional.pad(cat(new[] { batch, empty }), new long[] { 0, gap, 0, gap }, value: fill);
        var grid = padded.reshape(rows, perRow, c, h + gap, w + gap).permute(2, 0, 3, 1, 4)
            .reshape(c, rows * (h + gap), perRow * (w + gap));
        return grid[.., ..(int)(rows * (h + gap) - gap), ..(int)(perRow * (w + gap) - gap)].contiguous().MoveToOuterDisposeScope();
    }

    /// <summary>The images as <c>[N, C, H, W]</c> on the CPU.</summary>
    static Tensor Batch(Tensor images)
    {
        ArgumentNullException.ThrowIfNull(images);
        var batch = images.dim() == 3 ? images.unsqueeze(1) : images;
        if (batch.dim() != 4 || batch.shape[0] < 1 || batch.shape[1] is not (1 or 3))
            throw new ArgumentException($"Expected images [N, 1, H, W], [N, 3, H, W] or [N, H, W], got {Shapes.Describe(images)}.", nameof(images));
        return batch.detach().cpu();
    }

    static Dictionary<string, object> Hidden() => new()
    {
        ["visible"] = false,
        ["showgrid"] = false,
    };
}
