using Book.Display;
using Microsoft.DotNet.Interactive.Formatting;

namespace Book.Training;

/// <summary>A <see cref="History"/> as a table, one row per epoch and one column per quantity.</summary>
public sealed class HistoryFormatters : IFormatterSet
{
    /// <inheritdoc />
    public void Register()
    {
        Formatter.Register<History>(history => ToTable(history).ToText());
        Formatter.Register<History>(history => ToTable(history).ToHtml(), MimeTypes.Html);
    }

    /// <summary>The table behind both formats; the stop reason, if any, as its footer.</summary>
    public static Table ToTable(History history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var rows = history.Epochs
            .Select(e => (IReadOnlyList<string>)e.Values.Values.Select(BookFormatters.FormatNumber).Prepend(e.Epoch.ToString()).ToList())
            .ToList();
        return new Table(history.Names.Prepend("epoch").ToList(), rows, history.StopReason is null ? null : [history.StopReason]);
    }
}
