using Microsoft.DotNet.Interactive.Formatting;

namespace Book.Display;

/// <summary>Shows <see cref="Image"/> as <c>image/png</c> (base64) with its description as plain text.</summary>
public sealed class ImageFormatters : IFormatterSet
{
    /// <inheritdoc />
    public void Register()
    {
        Formatter.Register<Image>(image => Convert.ToBase64String(image.ToPng()), MimeTypes.Png);
        Formatter.Register<Image>(image => image.ToString());
    }
}
