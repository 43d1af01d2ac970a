using Microsoft.DotNet.Interactive.Formatting;
using Plotly.NET;

namespace Book.Display;

/// <summary>
/// Plotly.NET charts as notebooks show them: the figure JSON under
/// <c>application/vnd.plotly.v1+json</c> (drawn interactively by VS Code, Jupyter and the website),
/// and a one-line description as plain text for terminals and exported chapters.
/// </summary>
public sealed class ChartFormatters : IFormatterSet
{
    /// <inheritdoc />
    public void Register()
    {
        Formatter.Register<GenericChart>(chart => GenericChart.toFigureJson(chart), MimeTypes.PlotlyJson);
        Formatter.Register<GenericChart>(Describe);
    }

    static string Describe(GenericChart chart)
    {
        var figure = System.Text.Json.Nodes.JsonNode.Parse(GenericChart.toFigureJson(chart))!;
        int traces = figure["data"]?.AsArray().Count ?? 0;
        string title = figure["layout"]?["title"]?["text"]?.GetValue<string>() is { } text ? $" \"{text}\"" : "";
        return $"[chart{title}: {traces} trace{(traces == 1 ? "" : "s")}]";
    }
}
