using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Book.Site.Rendering;

/// <summary>
/// One nbformat output as a raw-HTML block of the page: text as <c>&lt;pre&gt;</c>, HTML as it is, images as
/// data URIs, and Plotly figures as their JSON in a <c>data-figure</c> attribute that the site's script draws
/// once plotly.js has loaded (an attribute, so the search index does not swallow the JSON).
/// Rich bundles are shown by the first type Jupyter would pick from <see cref="Preference"/>.
/// </summary>
public static partial class OutputHtml
{
    /// <summary>The Plotly figure mime type.</summary>
    public const string PlotlyJson = "application/vnd.plotly.v1+json";

    /// <summary>Mime types shown, most preferred first (Jupyter's order).</summary>
    public static readonly IReadOnlyList<string> Preference =
        [PlotlyJson, "text/html", "text/markdown", "image/svg+xml", "image/png", "image/jpeg", "text/plain"];

    /// <summary>The HTML (or, for text/markdown, Markdown) for <paramref name="output"/>; empty when it shows nothing.</summary>
    public static string Render(JsonObject output) => (string?)output["output_type"] switch
    {
        "stream" => Pre($"nb-stream nb-{(string?)output["name"] ?? "stdout"}", Text(output["text"])),
        "error" => Pre("nb-error", Traceback(output)),
        "display_data" or "execute_result" => output["data"] is JsonObject data ? Bundle(data) : "",
        var other => throw new SiteBuildException($"Expected an output_type of stream, error, display_data or execute_result; found '{other}'."),
    };

    static string Bundle(JsonObject data)
    {
        string? mime = Preference.FirstOrDefault(data.ContainsKey);
        return mime switch
        {
            null => "",
            PlotlyJson => $"<div class=\"nb-plotly\" data-figure=\"{Escape(Figure(data[mime]))}\"></div>",
            "text/html" => $"<div class=\"nb-html\">\n{Text(data[mime]).Trim('\n')}\n</div>",
            "text/markdown" => Text(data[mime]).Trim('\n'),
            "text/plain" => Pre("nb-result", Text(data[mime])),
            _ => $"<img class=\"nb-image\" alt=\"{Escape(AltText(data))}\" src=\"data:{mime};base64,{Base64(data[mime]!, mime)}\">",
        };
    }

    /// <summary>The figure as compact JSON (nbformat stores it as a JSON object; a string holding JSON is accepted too).</summary>
    static string Figure(JsonNode? node) => node switch
    {
        JsonObject figure => figure.ToJsonString(),
        JsonValue text when text.TryGetValue(out string? json) => JsonNode.Parse(json)!.ToJsonString(),
        _ => throw new SiteBuildException($"Expected a JSON object {{data, layout}} under {PlotlyJson}; found {node?.ToJsonString() ?? "null"}."),
    };

    static string Base64(JsonNode node, string mime) => mime == "image/svg+xml"
        ? Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(Text(node)))
        : Regex.Replace(Text(node), @"\s", "");

    static string AltText(JsonObject data) =>
        data["text/plain"] is { } plain ? Text(plain).Trim() : "figure";

    static string Traceback(JsonObject error) =>
        error["traceback"] is JsonArray { Count: > 0 } lines
            ? string.Join('\n', lines.Select(line => (string?)line ?? ""))
            : $"{(string?)error["ename"]}: {(string?)error["evalue"]}";

    /// <summary>
    /// Escaped text in a <c>&lt;pre&gt;</c>. Backticks are escaped too, so a line of output that starts with
    /// three of them cannot open a code fence; terminal colour codes are dropped.
    /// </summary>
    static string Pre(string classes, string text) =>
        $"<pre class=\"nb-output {classes}\">{Escape(AnsiCodes().Replace(text.TrimEnd('\n'), "")).Replace("`", "&#96;")}</pre>";

    /// <summary>Escapes the characters that HTML text and attribute values cannot hold as they are; the rest of Unicode stays readable.</summary>
    static string Escape(string text) =>
        text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\"", "&quot;");

    static string Text(JsonNode? node) => Book.Engine.Notebooks.NotebookCell.JoinText(node);

    [GeneratedRegex(@"\x1b\[[0-9;]*[A-Za-z]")]
    private static partial Regex AnsiCodes();
}
