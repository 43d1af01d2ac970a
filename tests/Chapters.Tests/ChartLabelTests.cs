using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Book.Engine.Chapters;
using Book.Engine.Notebooks;

namespace Book.Tests;

/// <summary>
/// Every chart a chapter shows has a title and a title on every axis it draws (chapters/README.md, "Charts"),
/// read from the Plotly JSON of the committed notebook: the layout's title, and for each x/y axis of the layout
/// or used by a trace — subplots included (xaxis2, yaxis3 …) — the axis title.
/// </summary>
public partial class ChartLabelTests
{
    const string PlotlyJson = "application/vnd.plotly.v1+json";

    /// <summary>Trace types drawn without x/y axes.</summary>
    static readonly HashSet<string> WithoutAxes =
        ["pie", "sunburst", "treemap", "icicle", "funnelarea", "table", "indicator", "sankey", "parcoords", "parcats",
         "scatter3d", "surface", "mesh3d", "cone", "streamtube", "volume", "isosurface", "scatterpolar", "scatterpolargl",
         "barpolar", "scattergeo", "choropleth", "scattermapbox", "choroplethmapbox", "densitymapbox", "scatterternary"];

    [Theory]
    [MemberData(nameof(ChapterSnapshotTests.Chapters), MemberType = typeof(ChapterSnapshotTests))]
    public void Every_chart_has_a_title_and_labelled_axes(string chapter)
    {
        var notebook = Notebook.Load(Path.Combine(BookPaths.Find(AppContext.BaseDirectory).Chapters, chapter));
        var problems = new List<string>();
        foreach (var cell in notebook.CodeCells)
            foreach (var figure in cell.Outputs.Select(o => o?["data"]?[PlotlyJson]).OfType<JsonNode>())
                problems.AddRange(MissingLabels(figure).Select(problem => $"{chapter}, cell {cell.Number}: {problem}"));
        Assert.True(problems.Count == 0, $"charts without a title or axis label (use chart.WithTitles(title, x, y) or a Book.Visuals helper):\n{string.Join("\n", problems)}");
    }

    [Fact]
    public void A_chart_without_titles_is_reported_and_a_labelled_one_is_not()
    {
        var labelled = JsonNode.Parse("""
            {"data": [{"type": "scatter", "x": [1], "y": [2]}, {"type": "scatter", "xaxis": "x2", "yaxis": "y2"}, {"type": "pie"}],
             "layout": {"title": {"text": "Loss"}, "xaxis": {"title": {"text": "epoch"}}, "yaxis": {"title": "loss"},
                        "xaxis2": {"title": {"text": "step"}}, "yaxis2": {"title": {"text": "learning rate"}}}}
            """)!;
        Assert.Empty(MissingLabels(labelled));

        var unlabelled = JsonNode.Parse("""
            {"data": [{"type": "scatter"}, {"type": "heatmap", "xaxis": "x2", "yaxis": "y2"}],
             "layout": {"title": {"text": " "}, "xaxis": {"title": {"text": "epoch"}}, "yaxis": {"type": "log"},
                        "xaxis2": {"title": {"text": "key"}}}}
            """)!;
        Assert.Equal(["the chart has no title", "yaxis has no title", "yaxis2 has no title"], MissingLabels(unlabelled));

        var imageGrid = JsonNode.Parse("""
            {"data": [{"type": "heatmap"}], "layout": {"title": {"text": "Filters"}, "xaxis": {"visible": false},
             "yaxis": {"visible": true}}}
            """)!;
        Assert.Equal(["yaxis has no title"], MissingLabels(imageGrid));
    }

    /// <summary>What the figure lacks: its title, or the title of an axis it has or draws on.</summary>
    static List<string> MissingLabels(JsonNode figure)
    {
        if (figure is JsonValue text && text.TryGetValue(out string? json)) figure = JsonNode.Parse(json)!;
        var layout = figure["layout"] as JsonObject ?? [];
        var problems = new List<string>();
        if (!HasTitle(layout)) problems.Add("the chart has no title");

        var axes = layout.Select(p => p.Key).Where(key => Axis().IsMatch(key)).ToHashSet();
        foreach (var trace in (figure["data"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (WithoutAxes.Contains((string?)trace["type"] ?? "scatter")) continue;
            axes.Add("xaxis" + ((string?)trace["xaxis"] ?? "x")[1..]);
            axes.Add("yaxis" + ((string?)trace["yaxis"] ?? "y")[1..]);
        }
        foreach (string axis in axes.OrderBy(a => a[0]).ThenBy(a => a.Length).ThenBy(a => a, StringComparer.Ordinal))
            if (!HasTitle(layout[axis] as JsonObject) && !Hidden(layout[axis] as JsonObject)) problems.Add($"{axis} has no title");
        return problems;
    }

    /// <summary>An axis that is not drawn (<c>"visible": false</c>, as in an image grid) has nothing to label.</summary>
    static bool Hidden(JsonObject? axis) => axis?["visible"] is JsonValue visible && visible.TryGetValue(out bool shown) && !shown;

    /// <summary>A non-blank title, as Plotly accepts it: <c>"title": {"text": "…"}</c> or <c>"title": "…"</c>.</summary>
    static bool HasTitle(JsonObject? owner) => owner?["title"] switch
    {
        JsonObject title => !string.IsNullOrWhiteSpace((string?)title["text"]),
        JsonValue title when title.TryGetValue(out string? value) => !string.IsNullOrWhiteSpace(value),
        _ => false,
    };

    [GeneratedRegex(@"^[xy]axis\d*$")]
    private static partial Regex Axis();
}
