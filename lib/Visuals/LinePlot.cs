using Plotly.NET;
using CSharpChart = Plotly.NET.CSharp.Chart;

namespace Book.Visuals;

/// <summary>
/// Named series of (x, y) points as lines with markers on one chart, in the book's style — measured curves
/// beside the bound a formula predicts (a dashed series), one line per setting. Either axis may be
/// logarithmic, for quantities that span decades (batch sizes, throughputs, costs). Chapters 12 and 13.
/// </summary>
public static class LinePlot
{
    /// <summary>A chart of <paramref name="series"/> with a title and axis titles (give the units).</summary>
    public static GenericChart Of(string title, string xTitle, string yTitle, IEnumerable<LineSeries> series, bool logX = false, bool logY = false)
    {
        ArgumentNullException.ThrowIfNull(series);
        var lines = series.Select((s, i) =>
        {
            if (s.X.Count == 0 || s.X.Count != s.Y.Count)
                throw new ArgumentException($"Expected as many x as y values (at least one) in '{s.Name}', got {s.X.Count} and {s.Y.Count}.", nameof(series));
            var colour = Color.fromString(ChartStyle.Palette[i % ChartStyle.Palette.Count]);
            return CSharpChart.Line<double, double, string>(s.X, s.Y, Name: s.Name, ShowMarkers: s.Markers, LineColor: colour, MarkerColor: colour,
                LineDash: s.Dashed ? StyleParam.DrawingStyle.Dash : StyleParam.DrawingStyle.Solid, UseDefaults: false);
        }).ToList();
        if (lines.Count == 0) throw new ArgumentException("Expected at least one series, got none.", nameof(series));
        var x = ChartStyle.Axis(xTitle);
        var y = ChartStyle.Axis(yTitle);
        if (logX) x["type"] = "log";
        if (logY) y["type"] = "log";
        return ChartStyle.Apply(CSharpChart.Combine(lines), title, x, y);
    }
}

/// <summary>One line of a <see cref="LinePlot"/>.</summary>
/// <param name="Name">The legend entry.</param>
/// <param name="X">x values.</param>
/// <param name="Y">y values, one per x.</param>
/// <param name="Dashed">Dashed, for a bound or a prediction rather than a measurement.</param>
/// <param name="Markers">Whether each point gets a marker.</param>
public sealed record LineSeries(string Name, IReadOnlyList<double> X, IReadOnlyList<double> Y, bool Dashed = false, bool Markers = true);
