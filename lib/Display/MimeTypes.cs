namespace Book.Display;

/// <summary>The mime types the book's outputs use, as Jupyter names them.</summary>
public static class MimeTypes
{
    /// <summary>Plain text, present in every output: terminals, snapshot tests and exported apps read it.</summary>
    public const string PlainText = "text/plain";
    /// <summary>HTML, for tables and summaries.</summary>
    public const string Html = "text/html";
    /// <summary>Plotly figure JSON, drawn interactively by Jupyter front ends and the website.</summary>
    public const string PlotlyJson = "application/vnd.plotly.v1+json";
    /// <summary>PNG image, base64-encoded.</summary>
    public const string Png = "image/png";
}
