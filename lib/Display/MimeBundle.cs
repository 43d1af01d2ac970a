using Microsoft.DotNet.Interactive.Formatting;

namespace Book.Display;

/// <summary>
/// What a notebook stores for one shown value: a text per mime type. <c>text/plain</c> is always there;
/// the others are the value's preferred mime types (<see cref="Formatter.GetPreferredMimeTypesFor"/>),
/// which the book's formatters and every <c>Formatter.Register</c> of a richer type extend
/// (<see cref="BookFormatters"/>), or the mime types asked for explicitly.
/// </summary>
public static class MimeBundle
{
    /// <summary>The bundle of <paramref name="value"/>; with <paramref name="mimeTypes"/>, those and text/plain only.</summary>
    public static IReadOnlyDictionary<string, string> Of(object? value, params string[] mimeTypes)
    {
        BookFormatters.EnsureInstalled();
        var bundle = new SortedDictionary<string, string>(StringComparer.Ordinal);
        IEnumerable<string> wanted = mimeTypes.Length > 0 ? mimeTypes
            : value is null ? [] : Formatter.GetPreferredMimeTypesFor(value.GetType());
        foreach (var mime in wanted.Where(m => m != MimeTypes.PlainText)) bundle[mime] = value.ToDisplayString(mime);
        bundle[MimeTypes.PlainText] = value.ToDisplayString(MimeTypes.PlainText);
        return bundle;
    }

    /// <summary>The bundle a <see cref="DisplayedValue"/> carries (after an update, its new value's).</summary>
    public static IReadOnlyDictionary<string, string> Of(DisplayedValue shown)
    {
        ArgumentNullException.ThrowIfNull(shown);
        var bundle = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var formatted in shown.FormattedValues) bundle[formatted.MimeType] = formatted.Value;
        if (!bundle.ContainsKey(MimeTypes.PlainText)) bundle[MimeTypes.PlainText] = shown.Value.ToDisplayString(MimeTypes.PlainText);
        return bundle;
    }
}
