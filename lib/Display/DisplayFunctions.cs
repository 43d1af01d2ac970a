using Microsoft.AspNetCore.Html;
using Microsoft.DotNet.Interactive.Formatting;

namespace Book.Display;

/// <summary>
/// The functions notebooks call by name, as in Jupyter and Polyglot notebooks. <c>display(value)</c> shows a
/// value as an output now (not only at the end of the cell) and returns .NET Interactive's
/// <see cref="DisplayedValue"/>, whose <see cref="DisplayedValue.Update"/> replaces that output in place —
/// how training progress stays one line. The engine imports this class statically, as does every
/// exported chapter.
/// </summary>
public static class DisplayFunctions
{
    /// <summary>Shows <paramref name="value"/>; with <paramref name="mimeTypes"/>, only those representations (and text/plain).</summary>
    public static DisplayedValue display(object? value, params string[] mimeTypes)
    {
        var bundle = MimeBundle.Of(value, mimeTypes);
        var shown = new DisplayedValue(value, bundle.Select(entry => new FormattedValue(entry.Key, entry.Value)).ToList());
        DisplaySink.Current.Display(bundle, shown.DisplayId);
        return shown;
    }

    /// <summary>HTML to show as it is (Polyglot's <c>HTML("&lt;b&gt;…&lt;/b&gt;")</c>): a cell's value or <c>display</c> renders it.</summary>
    public static IHtmlContent HTML(string html) => new HtmlString(html);

    /// <summary>
    /// Clears the cell's outputs so far (Jupyter's <c>clear_output</c>); with <paramref name="wait"/>, only when
    /// the next output arrives, so that a redrawn output does not flicker.
    /// </summary>
    public static void clear_output(bool wait = false) => DisplaySink.Current.Clear(wait);
}
