using Plotly.NET;
using CSharpChart = Plotly.NET.CSharp.Chart;

namespace Book.Visuals;

/// <summary>
/// Several named series of one quantity over steps, layers or epochs as lines on one chart, in the
/// book's style (<see cref="ChartStyle"/>), with a title and both axes named: a loss per step for
/// several learning rates, an activation scale per layer for several initialisations (chapters 04 and 05), a
/// gradient's size against the steps it travelled back, a forecast against the measured series (09), a GAN's
/// losses (11). Values are written with <see cref="Matrices.Digits"/> significant digits, and a value below 10⁻¹² of its series'
/// largest magnitude is written as 0 on a linear axis: rounding noise such as the 1.1e-16 that <c>linspace(-2, 4, 121)</c>
/// puts where 0 belongs is invisible in a figure and differs from processor to processor. Values that are
/// not finite (a run that diverged to NaN) and, on a logarithmic axis, values that are not positive are
/// left out.
/// </summary>
public static class SeriesPlot
{
    /// <summary>Series given as values at x = <paramref name="firstX"/>, <paramref name="firstX"/> + 1, …</summary>
    public static GenericChart Plot(string title, string xTitle, string yTitle, IEnumerable<(string Name, IReadOnlyList<double> Values)> series,
        int firstX = 0, bool logY = false)
    {
        ArgumentNullException.ThrowIfNull(series);
        return Plot(title, xTitle, yTitle,
            series.Select(s => (s.Name, (IReadOnlyList<double>)Enumerable.Range(firstX, s.Values.Count).Select(x => (double)x).ToArray(), s.Values)), logY);
    }

    /// <summary>Series given as (x, y) points.</summary>
    public static GenericChart Plot(string title, string xTitle, string yTitle,
        IEnumerable<(string Name, IReadOnlyList<double> X, IReadOnlyList<double> Y)> series, bool logY = false)
    {
        ArgumentNullException.ThrowIfNull(series);
        var lines = series.Select((s, i) =>
        {
            if (s.X.Count != s.Y.Count) throw new ArgumentException($"Expected as many x as y values in '{s.Name}', got {s.X.Count} and {s.Y.Count}.", nameof(series));
            var kept = s.X.Zip(s.Y).Where(p => double.IsFinite(p.Second) && (!logY || p.Second > 0)).ToArray();
            if (kept.Length == 0) throw new ArgumentException($"Expected at least one value to plot in '{s.Name}', got none.", nameof(series));
            var colour = Color.fromString(ChartStyle.Palette[i % ChartStyle.Palette.Count]);
            return CSharpChart.Line<double, double, string>(Written(kept.Select(p => p.First), logY: false), Written(kept.Select(p => p.Second), logY),
                Name: s.Name, ShowMarkers: kept.Length <= 30, LineColor: colour, MarkerColor: colour, UseDefaults: false);
        }).ToList();
        if (lines.Count == 0) throw new ArgumentException("Expected at least one series, got none.", nameof(series));
        return CSharpChart.Combine(lines).WithTitles(title, xTitle, yTitle, logY: logY);
    }

    /// <summary>
    /// The values as a figure writes them: rounding noise near 0 snapped to 0 (not on a logarithmic axis, where a value
    /// 10⁻¹² of the largest is a real decade, a vanishing gradient, and 0 cannot be drawn), then a few significant digits.
    /// </summary>
    static double[] Written(IEnumerable<double> values, bool logY)
    {
        var all = values.ToArray();
        if (logY) return all.Select(Matrices.Significant).ToArray();
        double floor = 1e-12 * all.Where(double.IsFinite).Select(Math.Abs).DefaultIfEmpty(0).Max();
        return all.Select(v => Math.Abs(v) < floor ? 0 : Matrices.Significant(v)).ToArray();
    }
}
