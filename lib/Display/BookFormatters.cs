using System.Collections;
using System.Globalization;
using System.Net;
using System.Reflection;
using System.Text;
using Microsoft.AspNetCore.Html;
using Microsoft.DotNet.Interactive.Formatting;

namespace Book.Display;

/// <summary>
/// The book's formatting, registered into .NET Interactive's <see cref="Formatter"/> — the formatting package
/// Polyglot notebooks used — so that cells call the real API (<c>Formatter.Register</c>,
/// <c>Formatter.SetPreferredMimeTypesFor</c>, <c>Formatter.ListExpansionLimit</c>, <c>ToDisplayString</c>,
/// PocketView) and the book's own formatters (tensors, models, charts, DataFrames: every
/// <see cref="IFormatterSet"/> of the library) are registrations like a cell's.
/// <para>
/// The book's defaults differ from Polyglot's on purpose, so that outputs read well as text in terminals,
/// exported apps and snapshot tests: a value shows as plain text (<see cref="Formatter.DefaultMimeType"/> is
/// text/plain); floats with <see cref="SignificantDigits"/> significant digits; sequences as
/// <c>[1, 2, 3]</c> (at most <see cref="Formatter.ListExpansionLimit"/> items) and, as HTML, a table of
/// their items' properties; other objects by their <c>ToString()</c>; null as "null". Registering a
/// formatter for a richer mime type (by the book or in a cell) adds that mime type to the type's
/// preferred ones, so its values show in it. <c>Formatter.ResetToDefault()</c> in a cell returns to
/// these defaults (formatters registered after it are kept; preferred mime types set after it are not).
/// </para>
/// </summary>
public static class BookFormatters
{
    /// <summary>Significant digits used when a float or double is shown as plain text.</summary>
    public const int SignificantDigits = 6;

    /// <summary>Rows of a sequence shown as an HTML table.</summary>
    const int MaxHtmlRows = 100;

    static readonly object gate = new();
    /// <summary>Every <see cref="IFormatterSet"/> of the library, found once by reflection.</summary>
    static readonly Lazy<IFormatterSet[]> LibraryFormatterSets = new(() => typeof(BookFormatters).Assembly.GetTypes()
        .Where(t => typeof(IFormatterSet).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .Select(t => (IFormatterSet)Activator.CreateInstance(t)!).ToArray());
    /// <summary>Registrations whose mime type is already among their type's preferred ones.</summary>
    static readonly HashSet<ITypeFormatter> preferred = new(ReferenceEqualityComparer.Instance);
    /// <summary>The book's first registration: when it is gone, a cell called <c>Formatter.ResetToDefault()</c>.</summary>
    static ITypeFormatter? first;

    static BookFormatters()
    {
        Formatter.SubscribeToDisplayedValues(DisplaySink.Show);
        ResetToDefaults();
        // The formatter compiles a little code for each type it first meets: for the commonest ones that happens
        // here, when the engine starts, rather than inside the first cell's time limit.
        foreach (object value in new object[] { 1, 1.5, "text", new[] { 1.5 }, new List<int>() }) MimeBundle.Of(value);
    }

    /// <summary>Forgets every registration and preference a notebook made; the book's formatters stay.</summary>
    public static void ResetToDefaults()
    {
        lock (gate) Install();
    }

    /// <summary>
    /// The text of <paramref name="value"/> as <paramref name="mimeType"/> with the book's formatters: what
    /// <c>value.ToDisplayString(mimeType)</c> gives in a cell, where the engine has installed them.
    /// </summary>
    public static string Format(object? value, string mimeType = MimeTypes.PlainText)
    {
        EnsureInstalled();
        return value.ToDisplayString(mimeType);
    }

    /// <summary>
    /// Installs the book's formatters unless they are there, and brings the formatter up to date before a value
    /// is shown: the book's defaults again after a cell's <c>Formatter.ResetToDefault()</c>, and the mime types
    /// of new registrations among the preferred ones. The engine calls it when it starts.
    /// </summary>
    public static void EnsureInstalled()
    {
        lock (gate)
        {
            var registered = Formatter.RegisteredFormatters(includeDefaults: false).Reverse().ToList();
            if (first is null || !registered.Contains(first))
            {
                Install();
                foreach (var formatter in registered) Formatter.Register(formatter);
            }
            PreferRegisteredMimeTypes();
        }
    }

    static void Install()
    {
        Formatter.ResetToDefault();
        Formatter.DefaultMimeType = MimeTypes.PlainText;
        Formatter.NullString = "null";
        RegisterBuiltIns();
        first = Formatter.RegisteredFormatters(includeDefaults: false).Last();
        foreach (var set in LibraryFormatterSets.Value) set.Register();
        preferred.Clear();
        PreferRegisteredMimeTypes();
        // A string is a sequence of characters but reads as text; HTML content (HTML(...), PocketView) as HTML.
        Formatter.SetPreferredMimeTypesFor(typeof(string), MimeTypes.PlainText);
        Formatter.SetPreferredMimeTypesFor(typeof(IHtmlContent), MimeTypes.Html, MimeTypes.PlainText);
    }

    /// <summary>Adds the mime type of each new registration (other than text/plain) to its type's preferred ones.</summary>
    static void PreferRegisteredMimeTypes()
    {
        foreach (var formatter in Formatter.RegisteredFormatters(includeDefaults: false).Reverse())
            if (preferred.Add(formatter) && formatter.MimeType != MimeTypes.PlainText)
                Formatter.SetPreferredMimeTypesFor(formatter.Type,
                    [.. Formatter.GetPreferredMimeTypesFor(formatter.Type).Append(formatter.MimeType).Append(MimeTypes.PlainText).Distinct()]);
    }

    /// <summary>
    /// The plain-text defaults. The most specific registered type wins (a double's own formatter over
    /// <see cref="IFormattable"/>, that over <see cref="object"/>); among equals, the latest registration.
    /// </summary>
    static void RegisterBuiltIns()
    {
        Formatter.Register(typeof(object), new FormatDelegate<object>((value, context) =>
        {
            context.Writer.Write(value?.ToString() ?? Formatter.NullString);
            return true;
        }), MimeTypes.PlainText);
        Formatter.Register<IFormattable>(f => f.ToString(null, CultureInfo.InvariantCulture));
        Formatter.Register<IEnumerable>(FormatSequence);
        Formatter.Register<IEnumerable>(SequenceAsHtmlTable, MimeTypes.Html);
        Formatter.Register<string>(s => s);
        Formatter.Register<double>(FormatNumber);
        Formatter.Register<float>(f => FormatNumber(f));
        Formatter.Register<decimal>(d => d.ToString(CultureInfo.InvariantCulture));
        Formatter.Register<bool>(b => b ? "true" : "false");
    }

    /// <summary>A float in <see cref="SignificantDigits"/> significant digits, invariant culture.</summary>
    public static string FormatNumber(double value) =>
        value.ToString("G" + SignificantDigits, CultureInfo.InvariantCulture);

    /// <summary>"[1, 2, 3]", the first <see cref="Formatter.ListExpansionLimit"/> items then "…".</summary>
    static string FormatSequence(IEnumerable items)
    {
        int limit = Formatter.ListExpansionLimit;
        var shown = items.Cast<object?>().Take(limit + 1).Select(item => item.ToDisplayString()).ToList();
        return "[" + string.Join(", ", shown.Take(limit)) + (shown.Count > limit ? ", …" : "") + "]";
    }

    /// <summary>A sequence of records/objects as a table of their public properties; simple values as a list.</summary>
    static string SequenceAsHtmlTable(IEnumerable items)
    {
        var rows = items.Cast<object?>().Take(MaxHtmlRows).ToList();
        var rowType = rows.FirstOrDefault(r => r is not null)?.GetType();
        var properties = rowType is null || IsSimple(rowType) ? Array.Empty<PropertyInfo>()
            : rowType.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0).ToArray();
        if (properties.Length == 0) return "<pre>" + WebUtility.HtmlEncode(FormatSequence(items)) + "</pre>";
        var html = new StringBuilder("<table><thead><tr>");
        foreach (var p in properties) html.Append("<th>").Append(WebUtility.HtmlEncode(p.Name)).Append("</th>");
        html.Append("</tr></thead><tbody>");
        foreach (var row in rows)
        {
            html.Append("<tr>");
            foreach (var p in properties)
                html.Append("<td>").Append(WebUtility.HtmlEncode((row is null ? null : p.GetValue(row)).ToDisplayString())).Append("</td>");
            html.Append("</tr>");
        }
        return html.Append("</tbody></table>").ToString();
    }

    static bool IsSimple(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || typeof(IEnumerable).IsAssignableFrom(type);
}
