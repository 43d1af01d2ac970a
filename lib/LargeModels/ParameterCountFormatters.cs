using System.Globalization;
using System.Net;
using System.Text;
using Book.Display;
using Microsoft.DotNet.Interactive.Formatting;

namespace Book.LargeModels;

/// <summary>
/// Shows a <see cref="ParameterCount"/> as chapter 01 does: one row per component with its formula and its exact
/// count (thousands separated), then the total — an HTML table in notebooks, aligned columns as plain text.
/// </summary>
public sealed class ParameterCountFormatters : IFormatterSet
{
    /// <inheritdoc />
    public void Register()
    {
        Formatter.Register<ParameterCount>(AsText);
        Formatter.Register<ParameterCount>(AsHtml, MimeTypes.Html);
    }

    static IEnumerable<(string Component, string Formula, string Parameters, string Approximately)> Rows(ParameterCount count) =>
        count.Components.Select(c => (c.Component, c.Formula, Exact(c.Parameters), c.Approximately))
            .Append(("total", "", Exact(count.Total), ShortScale.Format(count.Total)));

    static string Exact(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    static string AsText(ParameterCount count)
    {
        var rows = Rows(count).ToList();
        int component = rows.Max(r => r.Component.Length), formula = rows.Max(r => r.Formula.Length), parameters = rows.Max(r => r.Parameters.Length);
        return string.Join('\n', rows.Select(r =>
            $"{r.Component.PadRight(component)}  {r.Formula.PadRight(formula)}  {r.Parameters.PadLeft(parameters)}  {r.Approximately}"));
    }

    static string AsHtml(ParameterCount count)
    {
        var html = new StringBuilder("<table><thead><tr><th>component</th><th>formula</th><th>parameters</th><th>≈</th></tr></thead><tbody>");
        foreach (var (component, formula, parameters, approximately) in Rows(count))
            html.Append("<tr><td>").Append(WebUtility.HtmlEncode(component)).Append("</td><td>").Append(WebUtility.HtmlEncode(formula))
                .Append("</td><td style=\"text-align:right\">").Append(parameters).Append("</td><td>").Append(approximately).Append("</td></tr>");
        return html.Append("</tbody></table>").ToString();
    }
}
