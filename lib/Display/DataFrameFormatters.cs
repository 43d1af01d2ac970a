using System.Globalization;
using System.Text;
using Microsoft.Data.Analysis;
using Microsoft.DotNet.Interactive.Formatting;

namespace Book.Display;

/// <summary>
/// Microsoft.Data.Analysis DataFrames in notebooks, the way pandas shows them: the first
/// <see cref="HeadRows"/> rows under the column names, then the size ("569 rows × 31 columns").
/// <c>text/html</c> is a table of every column; <c>text/plain</c> aligns the columns and, for wide
/// frames, shows the first and last ones around "…". Numbers use the book's 6 significant digits.
/// Chapters 03–07 show their tables this way.
/// </summary>
public sealed class DataFrameFormatters : IFormatterSet
{
    /// <summary>Rows shown before the size line.</summary>
    public const int HeadRows = 10;
    /// <summary>Columns shown as plain text before the middle ones are elided.</summary>
    public const int MaxPlainColumns = 8;

    /// <inheritdoc />
    public void Register()
    {
        Formatter.Register<DataFrame>(Text);
        Formatter.Register<DataFrame>(Html, MimeTypes.Html);
    }

    /// <summary>"569 rows × 31 columns".</summary>
    public static string Size(DataFrame frame) =>
        $"{frame.Rows.Count} row{(frame.Rows.Count == 1 ? "" : "s")} × {frame.Columns.Count} column{(frame.Columns.Count == 1 ? "" : "s")}";

    /// <summary>The head of the frame as an HTML table, captioned with its size.</summary>
    public static string Html(DataFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var columns = frame.Columns.ToList();
        var header = new string?[] { "" }.Concat(columns.Select(c => (string?)c.Name));
        var rows = Head(frame).Select(r => new string?[] { Invariant(r) }.Concat(columns.Select(c => Cell(c[r]))));
        var withElision = frame.Rows.Count > HeadRows ? rows.Append(Enumerable.Repeat<string?>(null, columns.Count + 1)) : rows;
        return HtmlTable.Render(Size(frame), header, withElision);
    }

    /// <summary>The head of the frame as aligned plain text, then its size.</summary>
    public static string Text(DataFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var all = frame.Columns.ToList();
        var shown = all.Count <= MaxPlainColumns ? all.Select(c => (DataFrameColumn?)c).ToList()
            : all.Take(MaxPlainColumns / 2).Append(null).Concat(all.Skip(all.Count - MaxPlainColumns / 2)).ToList();
        var head = Head(frame).ToList();
        var table = new List<string[]> { new[] { "" }.Concat(shown.Select(c => c?.Name ?? "…")).ToArray() };
        table.AddRange(head.Select(r => new[] { Invariant(r) }.Concat(shown.Select(c => c is null ? "…" : Cell(c[r]))).ToArray()));
        if (frame.Rows.Count > HeadRows) table.Add(Enumerable.Repeat("…", shown.Count + 1).ToArray());
        int[] widths = Enumerable.Range(0, shown.Count + 1).Select(i => table.Max(row => row[i].Length)).ToArray();
        var text = new StringBuilder();
        foreach (var row in table)
            text.AppendLine(string.Join("  ", row.Select((cell, i) => i == 0 ? cell.PadRight(widths[i]) : cell.PadLeft(widths[i]))).TrimEnd());
        return text.Append('[').Append(Size(frame)).Append(']').ToString();
    }

    static IEnumerable<long> Head(DataFrame frame)
    {
        for (long r = 0; r < Math.Min(frame.Rows.Count, HeadRows); r++) yield return r;
    }

    static string Cell(object? value) => value is null ? "null" : value.ToDisplayString();

    static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
}
