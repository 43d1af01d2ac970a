using System.Net;
using System.Text;

namespace Book.Display;

/// <summary>
/// A small HTML table for notebook outputs: a caption, a header row, a first column of row labels and
/// the cells, all HTML-encoded; <c>null</c> in the header or a row stands for an elided stretch ("…").
/// Used for tensors and DataFrames.
/// </summary>
public static class HtmlTable
{
    /// <summary>The table's HTML.</summary>
    /// <param name="caption">Shown above the table, e.g. "shape [569, 30], float32, cpu".</param>
    /// <param name="header">Column names, the row-label column first.</param>
    /// <param name="rows">Each row: its label followed by its cells.</param>
    public static string Render(string caption, IEnumerable<string?> header, IEnumerable<IEnumerable<string?>> rows)
    {
        var html = new StringBuilder("<table class=\"book-table\"><caption>").Append(WebUtility.HtmlEncode(caption)).Append("</caption><thead><tr>");
        foreach (var cell in header) html.Append("<th>").Append(Encode(cell)).Append("</th>");
        html.Append("</tr></thead><tbody>");
        foreach (var row in rows)
        {
            html.Append("<tr>");
            bool first = true;
            foreach (var cell in row)
            {
                string tag = first ? "th" : "td";
                html.Append('<').Append(tag).Append('>').Append(Encode(cell)).Append("</").Append(tag).Append('>');
                first = false;
            }
            html.Append("</tr>");
        }
        return html.Append("</tbody></table>").ToString();
    }

    static string Encode(string? cell) => cell is null ? "…" : WebUtility.HtmlEncode(cell);
}
