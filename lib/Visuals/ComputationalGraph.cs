using System.Globalization;
using Book.Autograd;
using Plotly.NET;
using CSharpChart = Plotly.NET.CSharp.Chart;

namespace Book.Visuals;

/// <summary>
/// A <see cref="Value"/>'s computational graph drawn as a picture, chapter 6: one marker per node, an
/// arrow from each input to the operation that uses it, the forward pass running left to right. Each
/// node shows its name (its label, or the operation: +, ×, σ, tanh, ^k …; a constant shows its number),
/// its value from the forward pass and its gradient ∂L/∂node from the backward pass, so the picture is
/// the whole of backpropagation at a glance. An operation sits one column right of its deepest input;
/// a leaf (input, parameter or constant) one column left of the first operation that uses it.
/// </summary>
public static class ComputationalGraph
{
    /// <summary>The graph that ends in <paramref name="output"/> (call <c>Backward()</c> first to show gradients).</summary>
    public static GenericChart Plot(Value output, string title = "Computational graph")
    {
        ArgumentNullException.ThrowIfNull(output);
        var order = output.TopologicalOrder();
        var column = Columns(order);
        var row = new Dictionary<Value, double>(ReferenceEqualityComparer.Instance);
        int tallest = 0;
        foreach (var group in order.GroupBy(node => column[node]))
        {
            var nodes = group.ToList();
            tallest = Math.Max(tallest, nodes.Count);
            for (int i = 0; i < nodes.Count; i++) row[nodes[i]] = (nodes.Count - 1) / 2.0 - i;
        }
        var traces = new[] { (Leaves: true, Name: "inputs, parameters, constants", Colour: ChartStyle.Palette[0]),
                             (Leaves: false, Name: "operations", Colour: ChartStyle.Palette[1]) }
            .Select(kind =>
            {
                var nodes = order.Where(node => node.Children.Count == 0 == kind.Leaves).ToList();
                return CSharpChart.Point<double, double, string>(nodes.Select(n => (double)column[n]), nodes.Select(n => row[n]), Name: kind.Name,
                    MultiText: nodes.Select(Caption).ToArray(), TextPosition: StyleParam.TextPosition.BottomCenter,
                    MarkerColor: Color.fromString(kind.Colour), UseDefaults: false);
            });
        var arrows = order.SelectMany(node => node.Children.Select(input => new Dictionary<string, object>
        {
            ["x"] = column[node], ["y"] = row[node], ["ax"] = column[input], ["ay"] = row[input],
            ["xref"] = "x", ["yref"] = "y", ["axref"] = "x", ["ayref"] = "y",
            ["showarrow"] = true, ["arrowhead"] = 2, ["arrowcolor"] = "#888888", ["standoff"] = 8, ["startstandoff"] = 8, ["text"] = "",
        })).ToList();
        var x = ChartStyle.Axis("steps from the inputs (forward pass → ; backward pass ←)");
        x["showticklabels"] = false;
        x["showgrid"] = false;
        x["range"] = new[] { column.Values.Min() - 0.6, column.Values.Max() + 0.6 };
        var y = ChartStyle.Axis("nodes computed at the same step");
        y["showticklabels"] = false;
        y["showgrid"] = false;
        y["range"] = new[] { -tallest / 2.0 - 0.3, tallest / 2.0 + 0.1 };
        var chart = ChartStyle.Apply(CSharpChart.Combine(traces), title, x, y, arrows,
            width: Math.Max(ChartStyle.Width, 110 * (column.Values.Max() - column.Values.Min() + 1)), height: Math.Max(ChartStyle.Height, 90 * tallest + 120));
        GenericChart.getLayout(chart).SetProperty("legend", ChartStyle.LegendAbove());
        return chart;
    }

    /// <summary>Operations: one column right of their deepest input operation. Leaves: one column left of their first user.</summary>
    static Dictionary<Value, int> Columns(IReadOnlyList<Value> order)
    {
        var column = new Dictionary<Value, int>(ReferenceEqualityComparer.Instance);
        foreach (var node in order.Where(n => n.Children.Count > 0))
            column[node] = node.Children.Where(c => c.Children.Count > 0).Select(c => column[c] + 1).DefaultIfEmpty(1).Max();
        foreach (var node in order.Where(n => n.Children.Count > 0))
            foreach (var leaf in node.Children.Where(c => c.Children.Count == 0))
                column[leaf] = Math.Min(column.GetValueOrDefault(leaf, int.MaxValue), column[node] - 1);
        if (order.Count == 1) column[order[0]] = 0;
        return column;
    }

    static string Caption(Value node)
    {
        string operation = node.Op switch
        {
            "" => node.Data.ToString("G4", CultureInfo.InvariantCulture),
            "*" => "×",
            "sigmoid" => "σ",
            var op => op,
        };
        string name = node.Label.Length == 0 ? operation : node.Op.Length == 0 ? node.Label : $"{node.Label} = {operation}";
        return string.Create(CultureInfo.InvariantCulture, $"{name}<br>{node.Data:0.###} | ∂ {node.Grad:0.###}");
    }
}
