using System.Net;
using Book.Tensors;
using Microsoft.DotNet.Interactive.Formatting;

namespace Book.Display;

/// <summary>A <see cref="ModelSummary"/> as aligned text and as an HTML table.</summary>
public sealed class ModelSummaryFormatters : IFormatterSet
{
    /// <inheritdoc />
    public void Register()
    {
        Formatter.Register<ModelSummary>(summary => summary.ToString());
        Formatter.Register<ModelSummary>(summary =>
            $"<div><b>{WebUtility.HtmlEncode(summary.ModelType)}</b> on input {Shapes.Of(summary.InputShape)}</div>" + summary.ToTable().ToHtml(),
            MimeTypes.Html);
    }
}
