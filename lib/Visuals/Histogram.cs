using Plotly.NET;
using CSharpChart = Plotly.NET.CSharp.Chart;

namespace Book.Visuals;

/// <summary>
/// The spread of many simulated or measured values as a histogram (chapter 13's Monte-Carlo profits): how often each
/// range of values occurred, with optional vertical markers (a median, zero, a percentile) drawn as dashed lines.
/// </summary>
public static class Histogram
{
    /// <summary>A histogram of <paramref name="values"/> in about <paramref name="bins"/> bins, with <paramref name="markers"/> as dashed vertical lines.</summary>
    public static GenericChart Of(IReadOnlyList<double> values, string title, string xTitle, string yTitle, int bins = 40,
        IEnumerable<(string Label, double X)>? markers = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0) throw new ArgumentException("Expected at least one value, got none.", nameof(values));
        var bars = CSharpChart.Histogram<double, double, string>(X: values.Select(Matrices.Significant).ToArray(), NBinsX: bins, Name: "count",
            MarkerColor: Color.fromString(ChartStyle.Palette[0]), UseDefaults: false);
        var lines = (markers ?? []).Select((m, i) => new Dictionary<string, object>
        {
            ["type"] = "line", ["xref"] = "x", ["yref"] = "paper", ["x0"] = Matrices.Significant(m.X), ["x1"] = Matrices.Significant(m.X),
            ["y0"] = 0, ["y1"] = 1, ["line"] = new Dictionary<string, object> { ["dash"] = "dash", ["color"] = ChartStyle.Palette[(i + 1) % ChartStyle.Palette.Count] },
        }).ToList();
        var labels = (markers ?? []).Select(m => new Dictionary<string, object>
        {
            ["x"] = Matrices.Significant(m.X), ["y"] = 1, ["xref"] = "x", ["yref"] = "paper", ["text"] = m.Label, ["showarrow"] = false, ["yanchor"] = "bottom",
        });
        var chart = ChartStyle.Apply(bars, title, ChartStyle.Axis(xTitle), ChartStyle.Axis(yTitle), labels);
        GenericChart.getLayout(chart).SetProperty("shapes", lines);
        GenericChart.getLayout(chart).SetProperty("showlegend", false);
        return chart;
    }
}
