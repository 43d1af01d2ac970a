using Book.Optimization;
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
    static readonly string[] PathColours = { "#ffffff", "#D55E00", "#CC79A7", "#000000", "#E69F00", "#56B4E9", "#009E73" };

    /// <summary>The surface of <paramref name="loss"/> over the two ranges, with one line per path.</summary>
    public static GenericChart Plot(Func<double, double, double> loss, (double Min, double Max) w1, (double Min, double Max) w2,
        IEnumerable<(string Name, IReadOnlyList<(double W1, double W2)> Points)> paths,
        int resolution = 80, bool logScale = false, string title = "Optimizer paths on the loss surface", string xTitle = "w₁", string yTitle = "w₂")
    {
        ArgumentNullException.ThrowIfNull(loss);
        var (xs, ys) = Axes(w1, w2, resolution);
        var values = ys.Select(b => xs.Select(a => loss(a, b)).ToArray()).ToArray();
        return Draw(xs, ys, values, paths, logScale, title, xTitle, yTitle);
    }

    /// <summary>
    /// The surface of a <see cref="LossSurface"/> (evaluated on the whole grid in one tensor operation)
    /// with the <see cref="Trajectory"/> of each optimizer, thinned to at most <paramref name="maxPoints"/>
    /// points so that a 5000-step run stays a small figure.
    /// </summary>
    public static GenericChart Plot(LossSurface surface, (double Min, double Max) x, (double Min, double Max) y, IEnumerable<Trajectory> paths,
        string title, int resolution = 80, bool logScale = false, int maxPoints = 150, string xTitle = "x", string yTitle = "y")
    {
        ArgumentNullException.ThrowIfNull(surface);
        ArgumentNullException.ThrowIfNull(paths);
        var (xs, ys) = Axes(x, y, resolution);
        return Draw(xs, ys, surface.Grid(xs, ys), paths.Select(p => (p.Name, p.Thinned(maxPoints).Points)), logScale, title, xTitle, yTitle);
    }

    static (double[] Xs, double[] Ys) Axes((double Min, double Max) w1, (double Min, double Max) w2, int resolution)
    {
        if (!(w1.Max > w1.Min) || !(w2.Max > w2.Min))
            throw new ArgumentException($"Expected ranges with Min < Max, got w₁ [{w1.Min}, {w1.Max}] and w₂ [{w2.Min}, {w2.Max}].");
        ArgumentOutOfRangeException.ThrowIfLessThan(resolution, 2);
        return (Steps(w1, resolution), Steps(w2, resolution));
    }

    /// <summary>Contours of <paramref name="values"/> (rows follow y) under one line per path.</summary>
    static GenericChart Draw(double[] xs, double[] ys, double[][] values, IEnumerable<(string Name, IReadOnlyList<(double W1, double W2)> Points)> paths,
        bool logScale, string title, string xTitle, string yTitle)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var z = values.Select(row => row.Select(value =>
            Matrices.Significant(logScale ? Math.Log10(Math.Max(value, 1e-12)) : value)).ToArray()).ToArray();
        var surface = CSharpChart.Contour<double, double, double, string>(z, X: xs, Y: ys, Name: logScale ? "log₁₀ loss" : "loss",
            ColorScale: StyleParam.Colorscale.Viridis, NContours: 25, ShowContourLines: false, UseDefaults: false);
        var lines = paths.Select((path, i) =>
        {
            if (path.Points.Count == 0) throw new ArgumentException($"Expected at least one point in path '{path.Name}', got none.", nameof(paths));
            var colour = Color.fromString(PathColours[i % PathColours.Length]);
            return CSharpChart.Line<double, double, string>(path.Points.Select(p => Matrices.Significant(p.W1)), path.Points.Select(p => Matrices.Significant(p.W2)),
                Name: path.Name, ShowMarkers: true, LineColor: colour, MarkerColor: colour, UseDefaults: false);
        }).ToList();
        var x = ChartStyle.Axis(xTitle);
        x["range"] = new[] { xs[0], xs[^1] };
        var y = ChartStyle.Axis(yTitle);
        y["range"] = new[] { ys[0], ys[^1] };
        var chart = ChartStyle.Apply(CSharpChart.Combine(lines.Prepend(surface)), title, x, y);
        GenericChart.getLayout(chart).SetProperty("legend", ChartStyle.LegendAbove());
        return chart;
    }

    static double[] Steps((double Min, double Max) range, int count) =>
        Enumerable.Range(0, count).Select(i => range.Min + i * (range.Max - range.Min) / (count - 1)).ToArray();
}
