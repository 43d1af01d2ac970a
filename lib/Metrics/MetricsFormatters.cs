using Book.Display;
using Microsoft.DotNet.Interactive.Formatting;

namespace Book.Metrics;

/// <summary>A <see cref="ConfusionMatrix"/> as a table (actual classes down, predicted across); a <see cref="RocCurve"/> as a one-line summary.</summary>
public sealed class MetricsFormatters : IFormatterSet
{
    /// <inheritdoc />
    public void Register()
    {
        Formatter.Register<ConfusionMatrix>(matrix => ToTable(matrix).ToText());
        Formatter.Register<ConfusionMatrix>(matrix => ToTable(matrix).ToHtml(), MimeTypes.Html);
        Formatter.Register<RocCurve>(curve =>
            $"ROC curve: {curve.Thresholds.Count} points, AUC {BookFormatters.FormatNumber(curve.Auc)}");
    }

    /// <summary>The table behind both formats, with accuracy as its footer.</summary>
    public static Table ToTable(ConfusionMatrix matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        var classes = Enumerable.Range(0, matrix.Classes).ToList();
        var rows = classes.Select(i => (IReadOnlyList<string>)classes.Select(j => matrix[i, j].ToString())
            .Prepend($"actual {i}").ToList()).ToList();
        return new Table(classes.Select(j => $"predicted {j}").Prepend("").ToList(), rows,
            [$"accuracy {BookFormatters.FormatNumber(matrix.Accuracy)} over {matrix.Total} samples"]);
    }
}
