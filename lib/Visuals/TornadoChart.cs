using Plotly.NET;
using Book.Business;
using CSharpChart = Plotly.NET.CSharp.Chart;

namespace Book.Visuals;

/// <summary>
/// A tornado chart of a one-at-a-time sensitivity analysis (chapter 13): one horizontal bar per assumption, from the
/// change in the outcome when the assumption is lowered to the change when it is raised, widest on top. The few long
/// bars are the numbers the outcome hangs on.
/// </summary>
public static class TornadoChart
{
    /// <summary>The bars of <paramref name="bars"/> (from <see cref="Sensitivity.Tornado"/>), changes measured from the baseline outcome.</summary>
    public static GenericChart Plot(IReadOnlyList<SensitivityBar> bars, string title, string outcome, string swingLabel)
    {
        ArgumentNullException.ThrowIfNull(bars);
        if (bars.Count == 0) throw new ArgumentException("Expected at least one bar, got none.", nameof(bars));
        var labels = bars.Select(b => b.Lever is null ? b.Assumption : $"{b.Assumption} ({b.Lever})").ToArray();
        GenericChart Side(string name, Func<SensitivityBar, double> outcomeAt, int colour) =>
            CSharpChart.Bar<double, string, string>(bars.Select(b => Matrices.Significant(outcomeAt(b) - b.Baseline)), Keys: labels, Name: name,
                MarkerColor: Color.fromString(ChartStyle.Palette[colour]), UseDefaults: false);
        var y = ChartStyle.Axis("assumption");
        y["autorange"] = "reversed";
        y["automargin"] = true;
        var chart = ChartStyle.Apply(CSharpChart.Combine([Side($"assumption −{swingLabel}", b => b.OutcomeAtLow, 1), Side($"assumption +{swingLabel}", b => b.OutcomeAtHigh, 0)]),
            title, ChartStyle.Axis($"change in {outcome}"), y, height: 120 + 28 * bars.Count);
        GenericChart.getLayout(chart).SetProperty("barmode", "overlay");
        GenericChart.getLayout(chart).SetProperty("legend", ChartStyle.LegendAbove());
        return chart;
    }
}
