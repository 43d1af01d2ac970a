using System.Collections;
using System.Globalization;
using System.Net;
using System.Reflection;
using System.Text;

namespace Book.Display;

/// <summary>
/// Turns values into what a notebook shows: a mime bundle, one text per mime type. <c>text/plain</c> is
/// always present (the terminal, the snapshot tests and exported apps read it); richer types
/// (<c>text/html</c>, <c>application/vnd.plotly.v1+json</c>, <c>image/png</c> as base64) are added by
/// registrations. Source-compatible with notebooks written for Polyglot:
/// <c>Formatter.Register&lt;T&gt;((value, writer) =&gt; ..., "text/html")</c>.
/// The most specific registered type wins; among equals, the latest registration.
/// </summary>
public static class Formatter
{
    /// <summary>The plain-text mime type, present in every bundle.</summary>
    public const string PlainText = "text/plain";
    /// <summary>HTML, for tables and summaries.</summary>
    public const string Html = "text/html";
    /// <summary>Plotly figure JSON, drawn interactively by Jupyter front ends and the website.</summary>
    public const string PlotlyJson = "application/vnd.plotly.v1+json";
    /// <summary>PNG image, base64-encoded.</summary>
    public const string Png = "image/png";

    /// <summary>Significant digits used when a float or double is shown as plain text.</summary>
    public const int SignificantDigits = 6;

    sealed record Registration(Type Type, string MimeType, Func<object, string> Format, int Order);

    static readonly object gate = new();
    static readonly List<Registration> registrations = new();
    /// <summary>Every <see cref="IFormatterSet"/> of the library, found once by reflection.</summary>
    static readonly Lazy<IFormatterSet[]> LibraryFormatterSets = new(() => typeof(Formatter).Assembly.GetTypes()
        .Where(t => typeof(IFormatterSet).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .Select(t => (IFormatterSet)Activator.CreateInstance(t)!).ToArray());
    static int order;

    static Formatter() => ResetToDefaults();

    /// <summary>Registers how values of type <typeparamref name="T"/> are shown as <paramref name="mimeType"/>.</summary>
    public static void Register<T>(Func<T, string> format, string mimeType = PlainText)
    {
        ArgumentNullException.ThrowIfNull(format);
        Register(typeof(T), value => format((T)value), mimeType);
    }

    /// <summary>Polyglot-style registration that writes to a <see cref="TextWriter"/>.</summary>
    public static void Register<T>(Action<T, TextWriter> format, string mimeType = PlainText)
    {
        ArgumentNullException.ThrowIfNull(format);
        Register(typeof(T), value =>
        {
            using var writer = new StringWriter(CultureInfo.InvariantCulture);
            format((T)value, writer);
            return writer.ToString();
        }, mimeType);
    }

    /// <summary>Registers a formatter for a runtime type (including open interfaces such as <see cref="IEnumerable"/>).</summary>
    public static void Register(Type type, Func<object, string> format, string mimeType = PlainText)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(format);
        if (string.IsNullOrWhiteSpace(mimeType) || !mimeType.Contains('/'))
            throw new ArgumentException($"Expected a mime type such as 'text/html', got '{mimeType}'.", nameof(mimeType));
        lock (gate) registrations.Add(new Registration(type, mimeType, format, order++));
    }

    /// <summary>Forgets notebook-made registrations and keeps the built-in ones.</summary>
    public static void ResetToDefaults()
    {
        lock (gate) registrations.Clear();
        RegisterBuiltIns();
        foreach (var set in LibraryFormatterSets.Value) set.Register();
    }

    /// <summary>The text of <paramref name="value"/> as <paramref name="mimeType"/>.</summary>
    public static string Format(object? value, string mimeType = PlainText)
    {
        if (value is null) return mimeType == Html ? "<code>null</code>" : "null";
        var registration = Find(value.GetType(), mimeType);
        if (registration is not null) return registration.Format(value);
        if (mimeType == PlainText) return value.ToString() ?? "";
        if (mimeType == Html) return "<pre>" + WebUtility.HtmlEncode(Format(value)) + "</pre>";
        throw new ArgumentException($"No '{mimeType}' formatter is registered for {value.GetType().Name}.", nameof(mimeType));
    }

    /// <summary>
    /// Every representation registered for the value's type, plus <c>text/plain</c>. When
    /// <paramref name="mimeTypes"/> are given, only those (and text/plain) are produced.
    /// </summary>
    public static IReadOnlyDictionary<string, string> ToMimeBundle(object? value, params string[] mimeTypes)
    {
        var bundle = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (value is not null and not string)
        {
            var wanted = mimeTypes.Length > 0 ? mimeTypes : MimeTypesFor(value.GetType());
            foreach (var mime in wanted.Where(m => m != PlainText)) bundle[mime] = Format(value, mime);
        }
        bundle[PlainText] = Format(value);
        return bundle;
    }

    /// <summary>Polyglot's extension: the value formatted as <paramref name="mimeType"/>.</summary>
    public static string ToDisplayString(this object? value, string mimeType = PlainText) => Format(value, mimeType);

    static string[] MimeTypesFor(Type type)
    {
        lock (gate)
            return registrations.Select(r => r.MimeType).Distinct()
                .Where(mime => Find(type, mime) is not null).ToArray();
    }

    static Registration? Find(Type type, string mimeType)
    {
        lock (gate)
            return registrations
                .Where(r => r.MimeType == mimeType && r.Type.IsAssignableFrom(type))
                .OrderBy(r => Distance(r.Type, type)).ThenByDescending(r => r.Order)
                .FirstOrDefault();
    }

    /// <summary>0 for the type itself, 1 per base class up, interfaces after every class but object.</summary>
    static int Distance(Type registered, Type actual)
    {
        if (registered == typeof(object)) return int.MaxValue;
        if (registered.IsInterface) return 1000;
        int distance = 0;
        for (var t = actual; t is not null && t != registered; t = t.BaseType) distance++;
        return distance;
    }

    static void RegisterBuiltIns()
    {
        Register<string>(s => s);
        Register<double>(FormatNumber);
        Register<float>(f => FormatNumber(f));
        Register<decimal>(d => d.ToString(CultureInfo.InvariantCulture));
        Register<bool>(b => b ? "true" : "false");
        Register<IFormattable>(f => f.ToString(null, CultureInfo.InvariantCulture));
        Register<IDictionary>(FormatDictionary);
        Register<IEnumerable>(FormatSequence);
        Register<IEnumerable>(SequenceAsHtmlTable, Html);
    }

    /// <summary>A float in <see cref="SignificantDigits"/> significant digits, invariant culture.</summary>
    public static string FormatNumber(double value) =>
        value.ToString("G" + SignificantDigits, CultureInfo.InvariantCulture);

    const int MaxItems = 20;

    static string FormatSequence(IEnumerable items)
    {
        var shown = items.Cast<object?>().Take(MaxItems + 1).Select(item => Format(item)).ToList();
        string more = shown.Count > MaxItems ? ", …" : "";
        return "[" + string.Join(", ", shown.Take(MaxItems)) + more + "]";
    }

    static string FormatDictionary(IDictionary dictionary)
    {
        var entries = dictionary.Cast<DictionaryEntry>().Take(MaxItems).Select(e => $"{Format(e.Key)}: {Format(e.Value)}");
        return "{" + string.Join(", ", entries) + (dictionary.Count > MaxItems ? ", …" : "") + "}";
    }

    /// <summary>A sequence of records/objects as a table of their public properties; simple values as a list.</summary>
    static string SequenceAsHtmlTable(IEnumerable items)
    {
        var rows = items.Cast<object?>().Take(100).ToList();
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
                html.Append("<td>").Append(WebUtility.HtmlEncode(Format(row is null ? null : p.GetValue(row)))).Append("</td>");
            html.Append("</tr>");
        }
        return html.Append("</tbody></table>").ToString();
    }

    static bool IsSimple(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || typeof(IEnumerable).IsAssignableFrom(type);
}
