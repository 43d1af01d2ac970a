using Plotly.NET;

namespace Book.Visuals;

/// <summary>
/// The one look of every figure in the book: 640 × 420 pixels, a title at the top left, named axes,
/// light grid lines on white, the fonts the reader's system already has (no web fonts, so figures draw
/// offline and from file://), and no Plotly.NET default template (which would add ~8 kB of JSON to
/// each figure). Axes are plain dictionaries of Plotly layout settings, so a figure can add its own
/// (<c>autorange: "reversed"</c>, <c>scaleanchor</c>…) before <see cref="Apply"/>.
/// </summary>
public static class ChartStyle
{
    /// <summary>Figure width in pixels.</summary>
    public const int Width = 640;
    /// <summary>Figure height in pixels.</summary>
    public const int Height = 420;
    /// <summary>The font stack (system fonts only).</summary>
    public const string FontFamily = "Helvetica, Arial, sans-serif";
    /// <summary>Colours of successive series (train, validation, …), colour-blind safe (Okabe–Ito).</summary>
    public static readonly IReadOnlyList<string> Palette = new[] { "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442", "#000000" };

    /// <summary>An axis with a title, grid lines and a visible axis line.</summary>
    public static Dictionary<string, object> Axis(string? title) => new()
    {
        ["title"] = new Dictionary<string, object> { ["text"] = title ?? "" },
        ["gridcolor"] = "#e5e5e5",
        ["zeroline"] = false,
        ["showline"] = true,
        ["linecolor"] = "#444444",
        ["ticks"] = "outside",
        ["automargin"] = true,
    };

    /// <summary>A horizontal legend above the plot's top-right corner, for figures whose right side holds a colour bar.</summary>
    public static Dictionary<string, object> LegendAbove() => new()
    {
        ["orientation"] = "h", ["x"] = 1.0, ["xanchor"] = "right", ["y"] = 1.02, ["yanchor"] = "bottom",
    };

    /// <summary>Sets title, size, fonts, background and the two axes of <paramref name="chart"/>; <paramref name="annotations"/> are Plotly annotation objects.</summary>
    public static GenericChart Apply(GenericChart chart, string title, Dictionary<string, object> xAxis, Dictionary<string, object> yAxis,
        IEnumerable<Dictionary<string, object>>? annotations = null, int width = Width, int height = Height)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var layout = new Layout();
        layout.SetProperty("title", new Dictionary<string, object> { ["text"] = title, ["x"] = 0.02, ["xanchor"] = "left" });
        layout.SetProperty("width", width);
        layout.SetProperty("height", height);
        layout.SetProperty("font", new Dictionary<string, object> { ["family"] = FontFamily, ["size"] = 13, ["color"] = "#222222" });
        layout.SetProperty("margin", new Dictionary<string, object> { ["l"] = 64, ["r"] = 24, ["t"] = 48, ["b"] = 56 });
        layout.SetProperty("paper_bgcolor", "white");
        layout.SetProperty("plot_bgcolor", "white");
        layout.SetProperty("xaxis", xAxis);
        layout.SetProperty("yaxis", yAxis);
        if (annotations is not null) layout.SetProperty("annotations", annotations.ToList());
        return GenericChart.setLayout(layout, chart);
    }

    /// <summary>
    /// The book's style with a title and two axis titles: <c>chart.WithTitles("Loss", "epoch", "loss")</c>; with
    /// <paramref name="logX"/> or <paramref name="logY"/> that axis is logarithmic and keeps its title (Plotly.NET's
    /// <c>WithYAxisStyle(AxisType: Log)</c> after <c>WithTitles</c> would replace the axis and drop it).
    /// </summary>
    public static GenericChart WithTitles(this GenericChart chart, string title, string xTitle, string yTitle, bool logX = false, bool logY = false)
    {
        var xAxis = Axis(xTitle);
        var yAxis = Axis(yTitle);
        if (logX) xAxis["type"] = "log";
        if (logY) yAxis["type"] = "log";
        return Apply(chart, title, xAxis, yAxis);
    }
}
