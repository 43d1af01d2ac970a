using Plotly.NET;

namespace Book.Visuals;

/// <summary>
/// Learning curves: a metric per epoch (1, 2, …) for the training set and the validation set on one
/// chart. Training loss that keeps falling while validation loss turns up is over-fitting; both flat
/// and high is under-fitting. Chapters 04 and 07–11 plot every training run this way.
/// </summary>
public static class TrainingCurves
{
    /// <summary>Training (and, when given, validation) values of <paramref name="metric"/> per epoch.</summary>
    public static GenericChart Plot(IReadOnlyList<double> train, IReadOnlyList<double>? validation = null, string metric = "loss", string? title = null)
    {
        ArgumentNullException.ThrowIfNull(train);
        var series = new List<(string, IReadOnlyList<double>)> { ("train", train) };
        if (validation is not null) series.Add(("validation", validation));
        return Plot(metric, series, title);
    }

    /// <summary>Any number of named series of <paramref name="metric"/> per epoch (e.g. one per learning rate).</summary>
    public static GenericChart Plot(string metric, IEnumerable<(string Name, IReadOnlyList<double> Values)> series, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(metric);
        var chart = SeriesPlot.Plot(title ?? $"{char.ToUpperInvariant(metric[0])}{metric[1..]} per epoch", "epoch", metric, series, firstX: 1);
        GenericChart.getLayout(chart).TryGetTypedPropertyValue<Dictionary<string, object>>("xaxis").Value["rangemode"] = "tozero";
        return chart;
    }
}
