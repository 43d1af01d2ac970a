using Plotly.NET;
using CSharpChart = Plotly.NET.CSharp.Chart;

namespace Book.Visuals;

/// <summary>
/// Named series of (x, y) points as lines on one chart in the book's style — a gradient's size against
/// the distance it travelled back through time, an accuracy against sequence length, a measured series
/// against its forecasts (chapters 09 and 11). With <c>logY</c> the y axis is logarithmic, for
/// quantities that shrink or grow geometrically. Values are kept to 4 significant digits.
/// </summary>
public static class SeriesPlot
{
    /// <summary>One line per series; markers are drawn when a series has at most 30 points.</summary>
    public static GenericChart Lines(IEnumerable<(string Name, IReadOnlyList<double> X, IReadOnlyList<double> Y)> series,
        string title, string xTitle, string yTitle, bool logY = false)
    {
        ArgumentNullException.ThrowIfNull(series);
        var lines = series.Select((s, i) =>
        {
            if (s.X.Count != s.Y.Count)
                throw new ArgumentException($"Series '{s.Name}': expected one y per x, got {s.X.Count} x and {s.Y.Count} y.", nameof(series));
            string colour = ChartStyle.Palette[i % ChartStyle.Palette.Count];
            return CSharpChart.Line<double, double, string>(s.X.Select(Matrices.Significant), s.Y.Select(Matrices.Significant), Name: s.Name,
                ShowMarkers: s.X.Count <= 30, LineColor: Color.fromString(colour), MarkerColor: Color.fromString(colour), UseDefaults: false);
        }).ToList();
        if (lines.Count == 0) throw new ArgumentException("Expected at least one series, got none.", nameof(series));
        var y = ChartStyle.Axis(yTitle);
        if (logY) y["type"] = "log";
        return ChartStyle.Apply(CSharpChart.Combine(lines), title, ChartStyle.Axis(xTitle), y);
    }
}
