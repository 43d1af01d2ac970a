using System.Globalization;
using Plotly.NET;
using CSharpChart = Plotly.NET.CSharp.Chart;

namespace Book.Visuals;

/// <summary>
/// A matrix as coloured cells with each value written in its cell (white on dark cells, black on
/// light ones), row 0 at the top. Rows and columns are placed by index and labelled with tick text, so
/// repeated labels — the same word twice in a sentence — stay separate cells. The basis of
/// <see cref="AttentionHeatmap"/> (chapter 10) and <see cref="ConfusionMatrixPlot"/> (chapters 07–08).
/// </summary>
public static class AnnotatedHeatmap
{
    /// <summary>White to dark blue: light for small values, dark for large ones.</summary>
    static readonly StyleParam.Colorscale Blues = StyleParam.Colorscale.NewCustom(new[]
    {
        Tuple.Create(0.0, Color.fromString("#f7fbff")), Tuple.Create(0.5, Color.fromString("#6baed6")), Tuple.Create(1.0, Color.fromString("#08306b")),
    });

    /// <summary>The heatmap of <paramref name="values"/> (<c>[rows, columns]</c>).</summary>
    /// <param name="cellText">How a value is written in its cell, e.g. <c>v =&gt; v.ToString("F2")</c>.</param>
    /// <param name="range">The values mapped to the ends of the colour scale; the data's minimum and maximum when null.</param>
    public static GenericChart Plot(double[,] values, IReadOnlyList<string> rowLabels, IReadOnlyList<string> columnLabels,
        Func<double, string> cellText, string title, string xTitle, string yTitle, (double Min, double Max)? range = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        int rows = values.GetLength(0), columns = values.GetLength(1);
        if (rowLabels.Count != rows || columnLabels.Count != columns)
            throw new ArgumentException(
                $"Expected {rows} row labels and {columns} column labels for a [{rows}, {columns}] matrix, got {rowLabels.Count} and {columnLabels.Count}.");
        var cells = Enumerable.Range(0, rows).Select(r => Enumerable.Range(0, columns).Select(c => values[r, c]).ToArray()).ToArray();
        var all = cells.SelectMany(row => row).ToArray();
        var (min, max) = range ?? (all.DefaultIfEmpty(0).Min(), all.DefaultIfEmpty(1).Max());
        var heatmap = CSharpChart.Heatmap<double, int, int, string>(cells,
            X: Enumerable.Range(0, columns).ToArray(), Y: Enumerable.Range(0, rows).ToArray(),
            ColorScale: Blues, UseDefaults: false);
        foreach (var trace in GenericChart.getTraces(heatmap))
        {
            trace.SetProperty("zmin", min);
            trace.SetProperty("zmax", max);
        }
        var annotations = new List<Dictionary<string, object>>();
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < columns; c++)
            {
                bool dark = max > min && (values[r, c] - min) / (max - min) > 0.5;
                annotations.Add(new Dictionary<string, object>
                {
                    ["x"] = c, ["y"] = r, ["text"] = cellText(values[r, c]), ["showarrow"] = false,
                    ["font"] = new Dictionary<string, object> { ["color"] = dark ? "white" : "black" },
                });
            }
        var x = ChartStyle.Axis(xTitle);
        Label(x, columnLabels);
        var y = ChartStyle.Axis(yTitle);
        Label(y, rowLabels);
        y["autorange"] = "reversed";
        return ChartStyle.Apply(heatmap, title, x, y, annotations, height: Math.Clamp(120 + 40 * rows, ChartStyle.Height, 2 * ChartStyle.Height));
    }

    static void Label(Dictionary<string, object> axis, IReadOnlyList<string> labels)
    {
        axis["tickmode"] = "array";
        axis["tickvals"] = Enumerable.Range(0, labels.Count).ToArray();
        axis["ticktext"] = labels.ToArray();
        axis["showgrid"] = false;
        axis["ticks"] = "";
    }

    /// <summary>A number with <paramref name="decimals"/> decimals, invariant culture.</summary>
    public static string Fixed(double value, int decimals) => value.ToString("F" + decimals, CultureInfo.InvariantCulture);
}
