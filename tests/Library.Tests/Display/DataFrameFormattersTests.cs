using Book.Display;
using Microsoft.Data.Analysis;

namespace Book.Tests.Display;

public class DataFrameFormattersTests
{
    static DataFrame Frame(int rows, int columns) => new(Enumerable.Range(0, columns).Select(c =>
        (DataFrameColumn)new DoubleDataFrameColumn($"c{c}", Enumerable.Range(0, rows).Select(r => (double?)(r + c / 3.0)))));

    [Fact]
    public void Plain_text_aligns_the_head_and_states_the_size()
    {
        var frame = new DataFrame(new DoubleDataFrameColumn("x", new double?[] { 1.5, 22.25 }), new StringDataFrameColumn("name", new[] { "a", "bb" }));
        Assert.Equal(
            "       x  name\n" +
            "0    1.5     a\n" +
            "1  22.25    bb\n" +
            "[2 rows × 2 columns]", BookFormatters.Format(frame));
    }

    [Fact]
    public void Long_and_wide_frames_are_cut_with_ellipses()
    {
        string text = BookFormatters.Format(Frame(25, 12));
        string[] lines = text.Split('\n');
        Assert.Equal(1 + 10 + 1 + 1, lines.Length);
        Assert.StartsWith("   c0        c1", lines[0]);
        Assert.Contains("  …  ", lines[0]);
        Assert.EndsWith("c11", lines[0]);
        Assert.Equal("[25 rows × 12 columns]", lines[^1]);
        Assert.Contains("3.66667", lines[1]);
    }

    [Fact]
    public void Html_shows_every_column_of_the_head_under_the_size()
    {
        string html = MimeBundle.Of(Frame(25, 12))[MimeTypes.Html];
        Assert.StartsWith("<table class=\"book-table\"><caption>25 rows &#215; 12 columns</caption><thead><tr><th></th><th>c0</th>", html);
        Assert.Contains("<th>c11</th>", html);
        Assert.Equal(1 + 10 + 1, html.Split("<tr>").Length - 1);
    }
}
