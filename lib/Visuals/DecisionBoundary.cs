using Book.Tensors;
using Plotly.NET;
using TorchSharp;
using static TorchSharp.torch;
using CSharpChart = Plotly.NET.CSharp.Chart;

namespace Book.Visuals;

/// <summary>
/// What a 2-feature classifier has learned, drawn over its input plane: the model scores a grid of
/// points covering the data (10 % margin), and the data points are drawn on top, one colour per class.
/// A score of one column is read as the probability of class 1 (apply the sigmoid to logits first):
/// it is shaded from 0 to 1 and the boundary p = 0.5 is drawn as a line. Scores of C ≥ 2 columns are
/// read as per-class scores: each grid point takes the colour of its arg-max class. Chapters 05 (why a
/// linear model cannot separate XOR and a hidden layer can) and 06.
/// </summary>
public static class DecisionBoundary
{
    /// <summary>Class 0's colour at p = 0, white at p = 0.5, class 1's colour at p = 1 (the colours of the points).</summary>
    static readonly StyleParam.Colorscale TwoClasses = StyleParam.Colorscale.NewCustom(new[]
    {
        Tuple.Create(0.0, Color.fromString(ChartStyle.Palette[0])), Tuple.Create(0.5, Color.fromString("#ffffff")),
        Tuple.Create(1.0, Color.fromString(ChartStyle.Palette[1])),
    });

    /// <summary>The decision regions of <paramref name="score"/> with the points <paramref name="x"/> <c>[N, 2]</c> labelled <paramref name="y"/> <c>[N]</c>.</summary>
    /// <param name="score">The model: <c>[G, 2]</c> points → <c>[G]</c>, <c>[G, 1]</c> probabilities or <c>[G, C]</c> scores. Called once, without gradients.</param>
    /// <param name="classes">Class names by label; "class 0", "class 1", … when null.</param>
    public static GenericChart Plot(Func<Tensor, Tensor> score, Tensor x, Tensor y, IReadOnlyList<string>? classes = null,
        int resolution = 60, string title = "Decision boundary", string xTitle = "x₁", string yTitle = "x₂")
    {
        ArgumentNullException.ThrowIfNull(score);
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.dim() != 2 || x.shape[1] != 2)
            throw new ArgumentException($"Expected points [N, 2] (two features), got {Shapes.Describe(x)}.", nameof(x));
        if (y.dim() != 1 || y.shape[0] != x.shape[0])
            throw new ArgumentException($"Expected labels [{x.shape[0]}], got {Shapes.Describe(y)}.", nameof(y));
        ArgumentOutOfRangeException.ThrowIfLessThan(resolution, 2);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var points = x.detach().cpu().to_type(ScalarType.Float64);
        var labels = y.detach().cpu().to_type(ScalarType.Int64).data<long>().ToArray();
        double[] xs = Axis(points[.., 0], resolution), ys = Axis(points[.., 1], resolution);
        var gridX = tensor(xs).repeat(resolution);
        var gridY = tensor(ys).repeat_interleave(resolution);
        var grid = stack(new[] { gridX, gridY }, 1).to(x.dtype, x.device);
        var scores = score(grid).detach().cpu().to_type(ScalarType.Float64);
        int classCount = (int)Math.Max(labels.DefaultIfEmpty(0).Max() + 1, scores.dim() == 2 ? scores.shape[1] : 2);
        var names = classes ?? Enumerable.Range(0, classCount).Select(c => $"class {c}").ToList();
        if (names.Count < classCount)
            throw new ArgumentException($"Expected {classCount} class names (labels and scores go up to class {classCount - 1}), got {names.Count}.", nameof(classes));
        bool probability = scores.dim() == 1 || scores.shape[1] == 1;
        if (scores.shape[0] != grid.shape[0])
            throw new ArgumentException($"Expected the model to score {grid.shape[0]} grid points as [G], [G, 1] or [G, C], got {Shapes.Describe(scores)}.", nameof(score));
        var surface = probability ? Probability(scores.flatten(), xs, ys) : Regions(scores.argmax(1), xs, ys, classCount);
        var scatter = Enumerable.Range(0, classCount).Select(c =>
        {
            var mine = Enumerable.Range(0, labels.Length).Where(i => labels[i] == c).ToArray();
            var px = points[.., 0].data<double>().ToArray();
            var py = points[.., 1].data<double>().ToArray();
            return CSharpChart.Point<double, double, string>(mine.Select(i => px[i]), mine.Select(i => py[i]), Name: names[c],
                MarkerColor: Color.fromString(ChartStyle.Palette[c % ChartStyle.Palette.Count]), UseDefaults: false);
        });
        var xAxis = ChartStyle.Axis(xTitle);
        xAxis["range"] = new[] { xs[0], xs[^1] };
        var yAxis = ChartStyle.Axis(yTitle);
        yAxis["range"] = new[] { ys[0], ys[^1] };
        var chart = ChartStyle.Apply(CSharpChart.Combine(surface.Concat(scatter)), title, xAxis, yAxis);
        GenericChart.getLayout(chart).SetProperty("legend", ChartStyle.LegendAbove());
        return chart;
    }

    /// <summary><paramref name="resolution"/> evenly spaced values over the column's range widened by 10 % on each side.</summary>
    static double[] Axis(Tensor column, int resolution)
    {
        double min = column.min().item<double>(), max = column.max().item<double>();
        double margin = max > min ? 0.1 * (max - min) : 1;
        return Enumerable.Range(0, resolution).Select(i => min - margin + i * (max - min + 2 * margin) / (resolution - 1)).ToArray();
    }

    static double[][] Rows(Tensor values, int columns)
    {
        var flat = values.to_type(ScalarType.Float64).data<double>().ToArray().Select(Matrices.Significant).ToArray();
        return Enumerable.Range(0, flat.Length / columns).Select(r => flat[(r * columns)..((r + 1) * columns)]).ToArray();
    }

    static IEnumerable<GenericChart> Probability(Tensor p, double[] xs, double[] ys)
    {
        var z = Rows(p, xs.Length);
        var shading = CSharpChart.Contour<double, double, double, string>(z, X: xs, Y: ys, Name: "P(class 1)",
            ColorScale: TwoClasses, ContoursStart: 0, ContoursEnd: 1, NContours: 11, ShowContourLines: false, UseDefaults: false);
        var boundary = CSharpChart.Contour<double, double, double, string>(z, X: xs, Y: ys, Name: "p = 0.5", ShowScale: false, UseDefaults: false);
        foreach (var trace in GenericChart.getTraces(shading))
        {
            trace.SetProperty("zmin", 0.0);
            trace.SetProperty("zmax", 1.0);
            trace.SetProperty("opacity", 0.6);
        }
        foreach (var trace in GenericChart.getTraces(boundary))
        {
            trace.SetProperty("contours", new Dictionary<string, object> { ["start"] = 0.5, ["end"] = 0.5, ["size"] = 1, ["coloring"] = "none" });
            trace.SetProperty("line", new Dictionary<string, object> { ["color"] = "black", ["width"] = 2 });
        }
        return new[] { shading, boundary };
    }

    static IEnumerable<GenericChart> Regions(Tensor predicted, double[] xs, double[] ys, int classCount)
    {
        var colours = Enumerable.Range(0, classCount).SelectMany(c => new[]
        {
            Tuple.Create((double)c / classCount, Color.fromString(ChartStyle.Palette[c % ChartStyle.Palette.Count])),
            Tuple.Create((double)(c + 1) / classCount, Color.fromString(ChartStyle.Palette[c % ChartStyle.Palette.Count])),
        });
        var regions = CSharpChart.Heatmap<double, double, double, string>(Rows(predicted, xs.Length), X: xs, Y: ys, Name: "predicted class",
            ColorScale: StyleParam.Colorscale.NewCustom(colours), ShowScale: false, Opacity: 0.3, UseDefaults: false);
        foreach (var trace in GenericChart.getTraces(regions))
        {
            trace.SetProperty("zmin", -0.5);
            trace.SetProperty("zmax", classCount - 0.5);
        }
        return new[] { regions };
    }
}
