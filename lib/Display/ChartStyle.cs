using Plotly.NET;
using Plotly.NET.CSharp;

namespace Book.Display;

/// <summary>
/// The book's one chart style: a title, axis titles and a modest size, set in one call from C#
/// (Plotly.NET's own title API takes twelve F# options).
/// </summary>
public static class ChartStyle
{
    /// <summary>Width of the book's charts in pixels.</summary>
    public const int Width = 640;

    /// <summary>Height of the book's charts in pixels.</summary>
    public const int Height = 420;

    /// <summary>Sets the chart title, the axis titles and the book's size.</summary>
    public static GenericChart WithTitles(this GenericChart chart, string title, string xTitle, string yTitle)
    {
        var heading = Title.init(title, null, null, null, null, null, null, null, null, null, null, null);
        return Plotly.NET.Chart.withTitle(heading).Invoke(chart)
            .WithXAxisStyle<string, string, string>(TitleText: xTitle)
            .WithYAxisStyle<string, string, string>(TitleText: yTitle)
            .WithSize(Width, Height);
    }
}
