using System.Text.Json.Nodes;
using Plotly.NET;

namespace Book.Tests.Visuals;

/// <summary>A chart's figure JSON, parsed, with short ways to its traces and layout.</summary>
sealed class Figure
{
    public Figure(GenericChart chart) => Json = JsonNode.Parse(GenericChart.toFigureJson(chart))!;

    public JsonNode Json { get; }
    public JsonArray Traces => Json["data"]!.AsArray();
    public JsonNode Layout => Json["layout"]!;
    public string[] TraceTypes => Traces.Select(t => t!["type"]!.GetValue<string>()).ToArray();
    public string? Title => Layout["title"]?["text"]?.GetValue<string>();
    public double[] Numbers(JsonNode? array) => array!.AsArray().Select(v => v!.GetValue<double>()).ToArray();
}
