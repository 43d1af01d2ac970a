using System.Net;
using System.Text;

namespace Book.Display;

/// <summary>
/// A small table of already-formatted cells, shown as aligned plain text (terminals, snapshot tests)
/// or as an HTML table (notebooks, the website). Model summaries, training histories and confusion
/// matrices are all drawn with it, so they look alike. Columns whose cells all look like numbers are
/// right-aligned.
/// </summary>
/// <param name="Headers">The column titles.</param>
/// <param name="Rows">One array of cells per row, each as long as <paramref name="Headers"/>.</param>
/// <param name="Footer">Lines shown under the table (totals, notes), or none.</param>
public sealed record Table(IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows, IReadOnlyList<string>? Footer = null)
{
    /// <summary>The table as aligned text, with a rule under the header and above the footer.</summary>
    public string ToText()
    {
        CheckRowLengths();
        var widths = Headers.Select((h, c) => Rows.Select(r => r[c].Length).Prepend(h.Length).Max()).ToArray();
        var numeric = NumericColumns();
        string Line(IReadOnlyList<string> cells) => string.Join("  ", cells.Select((cell, c) =>
            numeric[c] ? cell.PadLeft(widths[c]) : cell.PadRight(widths[c]))).TrimEnd();
        string rule = new('─', widths.Sum() + 2 * (widths.Length - 1));
        var text = new StringBuilder().AppendLine(Line(Headers)).AppendLine(rule);
        foreach (var row in Rows) text.AppendLine(Line(row));
        if (Footer is { Count: > 0 })
        {
            text.AppendLine(rule);
            foreach (var line in Footer) text.AppendLine(line);
        }
        return text.ToString().TrimEnd('\n', '\r');
    }

    /// <summary>The table as an HTML <c>&lt;table&gt;</c>, numbers right-aligned, footer lines after it.</summary>
    public string ToHtml()
    {
        CheckRowLengths();
        var numeric = NumericColumns();
        string Cell(string tag, string text, int c) =>
            $"<{tag}{(numeric[c] ? " style=\"text-align:right\"" : "")}>{WebUtility.HtmlEncode(text)}</{tag}>";
        var html = new StringBuilder("<table><thead><tr>");
        for (int c = 0; c < Headers.Count; c++) html.Append(Cell("th", Headers[c], c));
        html.Append("</tr></thead><tbody>");
        foreach (var row in Rows)
        {
            html.Append("<tr>");
            for (int c = 0; c < row.Count; c++) html.Append(Cell("td", row[c], c));
            html.Append("</tr>");
        }
        html.Append("</tbody></table>");
        foreach (var line in Footer ?? []) html.Append("<div>").Append(WebUtility.HtmlEncode(line)).Append("</div>");
        return html.ToString();
    }

    bool[] NumericColumns() => Headers.Select((_, c) =>
        Rows.Count > 0 && Rows.All(r => r[c].Length > 0 && LooksNumeric(r[c]))).ToArray();

    static bool LooksNumeric(string cell) =>
        double.TryParse(cell.Replace(",", "").TrimEnd('%'), System.Globalization.NumberStyles.Float,
            System.Globalization.CultureInfo.InvariantCulture, out _);

    void CheckRowLengths()
    {
        foreach (var row in Rows)
            if (row.Count != Headers.Count)
                throw new InvalidOperationException($"Expected {Headers.Count} cells per row (one per header), got a row of {row.Count}.");
    }
}
