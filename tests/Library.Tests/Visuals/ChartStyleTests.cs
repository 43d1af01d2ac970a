using Book.Visuals;
using Plotly.NET.CSharp;

namespace Book.Tests.Visuals;

public class ChartStyleTests
{
    [Fact]
    public void A_logarithmic_axis_keeps_its_title()
    {
        var chart = Chart.Line<double, double, string>(x: new[] { 1.0, 10.0 }, y: new[] { 1.0, 100.0 })
            .WithTitles("Growth", "year", "parameters", logY: true);
        var layout = new Figure(chart).Layout;
        Assert.Equal("Growth", (string?)layout["title"]!["text"]);
        Assert.Equal("parameters", (string?)layout["yaxis"]!["title"]!["text"]);
        Assert.Equal("log", (string?)layout["yaxis"]!["type"]);
        Assert.Equal("year", (string?)layout["xaxis"]!["title"]!["text"]);
        Assert.Null(layout["xaxis"]!["type"]);
    }
}
