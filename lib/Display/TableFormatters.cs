using Microsoft.DotNet.Interactive.Formatting;

namespace Book.Display;

/// <summary>A <see cref="Table"/> shown as a table: aligned text, and an HTML table in notebooks.</summary>
public sealed class TableFormatters : IFormatterSet
{
    /// <inheritdoc />
    public void Register()
    {
        Formatter.Register<Table>(table => table.ToText());
        Formatter.Register<Table>(table => table.ToHtml(), MimeTypes.Html);
    }
}
