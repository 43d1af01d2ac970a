using Plotly.NET;
using CSharpChart = Plotly.NET.CSharp.Chart;

namespace Book.Visuals;

/// <summary>
/// Paths of optimizers over a loss surface L(w₁, w₂): the surface as filled contours, each optimizer's
/// successive parameters (w₁, w₂) as a line with markers from its start to where it stopped. SGD's
/// zig-zag across a narrow valley, momentum overshooting and Adam's steady steps become visible.
/// With <c>logScale</c> the contours show log₁₀ L, for surfaces such as Rosenbrock's whose valley floor
/// is orders of magnitude below its walls. Chapter 04.
/// </summary>
public static class OptimizerTrajectories
{
    /// <summary>Path colours that stand out on Viridis (dark purple to yellow).</summary>
    static readonly string[] PathColours = { "#ffffff", "#D55E00", "#CC79A7", "#000000", "#E69F00" };

    /// <summary>The surface of <paramref name="loss"/> over the two ranges, with one line per path.</summary>
    public static GenericChart Plot(Func<double, double, double> loss, (double Min, double Max) w1, (double Min, double Max) w2,
        IEnumerable<(string Name, IReadOnlyList<(double W1, double W2)> Points)> paths,
        int resolution = 80, bool logScale = false, string title = "Optimizer paths on the loss surface", string xTitle = "w₁", string yTitle = "w₂")
    {
        ArgumentNullException.ThrowIfNull(loss);
        ArgumentNullException.ThrowIfNull(paths);
        if (!(w1.Max > w1.Min) || !(w2.Max > w2.Min))
            throw new ArgumentException($"Expected ranges with Min < Max, got w₁ [{w1.Min}, {w1.Max}] and w₂ [{w2.Min}, {w2.Max}].");
        ArgumentOutOfRangeException.ThrowIfLessThan(resolution, 2);
        double[] xs = Steps(w1, resolution), ys = Steps(w2, resolution);
        var z = ys.Select(b => xs.Select(a =>
        {
            double value = loss(a, b);
            return Matrices.Significant(logScale ? Math.Log10(Math.Max(value, 1e-12)) : value);
        }).ToArray()).ToArray();
        var surface = CSharpChart.Contour<double, double, double, string>(z, X: xs, Y: ys, Name: logScale ? "log₁₀ loss" : "loss",
            ColorScale: StyleParam.Colorscale.Viridis, NContours: 25, ShowContourLines: false, UseDefaults: false);
        var lines = paths.Select((path, i) =>
        {
            if (path.Points.Count == 0) throw new ArgumentException($"Expected at least one point in path '{path.Name}', got none.", nameof(paths));
            var colour = Color.fromString(PathColours[i % PathColours.Length]);
            return CSharpChart.Line<double, double, string>(path.Points.Select(p => p.W1), path.Points.Select(p => p.W2), Name: path.Name,
                ShowMarkers: true, LineColor: colour, MarkerColor: colour, UseDefaults: false);
        }).ToList();
        var x = ChartStyle.Axis(xTitle);
        x["range"] = new[] { w1.Min, w1.Max };
        var y = ChartStyle.Axis(yTitle);
        y["range"] = new[] { w2.Min, w2.Max };
        var chart = ChartStyle.Apply(CSharpChart.Combine(lines.Prepend(surface)), title, x, y);
        GenericChart.getLayout(chart).SetProperty("legend", ChartStyle.LegendAbove());
        return chart;
    }

    static double[] Steps((double Min, double Max) range, int count) =>
        Enumerable.Range(0, count).Select(i => range.Min + i * (range.Max - range.Min) / (count - 1)).ToArray();
}
