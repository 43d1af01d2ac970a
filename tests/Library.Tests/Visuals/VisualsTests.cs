using Book.Visuals;
using static TorchSharp.torch;

namespace Book.Tests.Visuals;

public class VisualsTests
{
    [Fact]
    public void Training_curves_have_one_line_per_series_over_epochs_with_the_house_style()
    {
        var figure = new Figure(TrainingCurves.Plot(new[] { 0.9, 0.5, 0.3 }, new[] { 1.0, 0.7, 0.6 }));
        Assert.Equal(new[] { "scatter", "scatter" }, figure.TraceTypes);
        Assert.Equal(new[] { "train", "validation" }, figure.Traces.Select(t => t!["name"]!.GetValue<string>()));
        Assert.Equal(new double[] { 1, 2, 3 }, figure.Numbers(figure.Traces[0]!["x"]));
        Assert.Equal(new[] { 0.9, 0.5, 0.3 }, figure.Numbers(figure.Traces[0]!["y"]));
        Assert.Equal("Loss per epoch", figure.Title);
        Assert.Equal("epoch", figure.Layout["xaxis"]!["title"]!["text"]!.GetValue<string>());
        Assert.Equal("loss", figure.Layout["yaxis"]!["title"]!["text"]!.GetValue<string>());
        Assert.Equal(640, figure.Layout["width"]!.GetValue<int>());
        Assert.Equal(420, figure.Layout["height"]!.GetValue<int>());
        Assert.Null(figure.Layout["template"]);
    }

    [Fact]
    public void An_empty_series_is_refused_by_name()
    {
        var error = Assert.Throws<ArgumentException>(() => TrainingCurves.Plot(new[] { 1.0 }, Array.Empty<double>()));
        Assert.Contains("'validation'", error.Message);
    }

    [Fact]
    public void Decision_boundary_of_a_probability_model_is_shaded_with_the_half_line_and_points_per_class()
    {
        using var x = tensor(new float[] { -1, -1, 1, 1, -1, 1, 1, -1 }, 4, 2);
        using var y = tensor(new long[] { 0, 0, 1, 1 });
        int calls = 0;
        var figure = new Figure(DecisionBoundary.Plot(points => { calls++; return sigmoid(points.sum(1)); }, x, y,
            classes: new[] { "no", "yes" }, resolution: 20));
        Assert.Equal(1, calls);
        Assert.Equal(new[] { "contour", "contour", "scatter", "scatter" }, figure.TraceTypes);
        Assert.Equal(0.5, figure.Traces[1]!["contours"]!["start"]!.GetValue<double>());
        Assert.Equal(new[] { "no", "yes" }, figure.Traces.Skip(2).Select(t => t!["name"]!.GetValue<string>()));
        Assert.Equal(2, figure.Numbers(figure.Traces[3]!["x"]).Length);
        var z = figure.Traces[0]!["z"]!.AsArray();
        Assert.Equal(20, z.Count);
        Assert.True(z[0]![0]!.GetValue<double>() < 0.1);   // bottom-left corner: sum ≈ −2.4
        Assert.True(z[19]![19]!.GetValue<double>() > 0.9); // top-right corner
        Assert.Equal(new[] { -1.2, 1.2 }, figure.Numbers(figure.Layout["xaxis"]!["range"]).Select(v => Math.Round(v, 6)));
    }

    [Fact]
    public void Decision_regions_of_a_three_class_model_are_its_arg_max()
    {
        using var x = tensor(new float[] { 0, 0, 1, 0, 0, 1 }, 3, 2);
        using var y = tensor(new long[] { 0, 1, 2 });
        using var weights = tensor(new float[] { -1, 1, 0, -1, 0, 1 }, 2, 3);
        var figure = new Figure(DecisionBoundary.Plot(points => points.matmul(weights), x, y, resolution: 10));
        Assert.Equal(new[] { "heatmap", "scatter", "scatter", "scatter" }, figure.TraceTypes);
        var z = figure.Traces[0]!["z"]!.AsArray();
        Assert.Equal(1, z[0]![9]!.GetValue<double>()); // bottom-right: x₁ large, x₂ small → class 1
        Assert.Equal(2, z[9]![0]!.GetValue<double>()); // top-left → class 2
    }

    [Fact]
    public void Decision_boundary_refuses_points_that_are_not_two_dimensional()
    {
        var error = Assert.Throws<ArgumentException>(() => DecisionBoundary.Plot(p => p, zeros(5, 3), zeros(5, dtype: ScalarType.Int64)));
        Assert.Contains("got [5, 3] float32", error.Message);
    }

    [Fact]
    public void Attention_heatmap_writes_each_weight_and_keeps_repeated_tokens_apart()
    {
        using var weights = softmax(tensor(new float[] { 1, 2, 3, 0, 0, 0, 3, 2, 1 }, 3, 3), 1);
        string[] tokens = { "the", "cat", "the" };
        var figure = new Figure(AttentionHeatmap.Plot(weights, tokens, tokens));
        Assert.Equal(new[] { "heatmap" }, figure.TraceTypes);
        var annotations = figure.Layout["annotations"]!.AsArray();
        Assert.Equal(9, annotations.Count);
        Assert.Equal("0.09", annotations[0]!["text"]!.GetValue<string>());
        Assert.Equal("0.33", annotations[3]!["text"]!.GetValue<string>());
        Assert.Equal(new[] { "the", "cat", "the" }, figure.Layout["xaxis"]!["ticktext"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal("reversed", figure.Layout["yaxis"]!["autorange"]!.GetValue<string>());
        Assert.Equal(1.0, figure.Traces[0]!["zmax"]!.GetValue<double>());
    }

    [Fact]
    public void Confusion_matrix_names_axes_and_accuracy_and_contrasts_dark_cells()
    {
        using var counts = tensor(new long[] { 8, 2, 1, 9 }, 2, 2);
        var figure = new Figure(ConfusionMatrixPlot.Plot(counts, new[] { "cat", "dog" }));
        Assert.Equal("Confusion matrix (accuracy 85.0 %)", figure.Title);
        Assert.Equal("predicted class", figure.Layout["xaxis"]!["title"]!["text"]!.GetValue<string>());
        Assert.Equal("true class", figure.Layout["yaxis"]!["title"]!["text"]!.GetValue<string>());
        var annotations = figure.Layout["annotations"]!.AsArray();
        Assert.Equal(new[] { "8", "2", "1", "9" }, annotations.Select(a => a!["text"]!.GetValue<string>()));
        Assert.Equal("white", annotations[3]!["font"]!["color"]!.GetValue<string>());
        Assert.Equal("black", annotations[2]!["font"]!["color"]!.GetValue<string>());
        var error = Assert.Throws<ArgumentException>(() => ConfusionMatrixPlot.Plot(zeros(2, 3), new[] { "a", "b" }));
        Assert.Contains("got [2, 3] float32", error.Message);
    }

    [Fact]
    public void Image_grid_tiles_images_with_gaps_and_labels()
    {
        using var images = arange(5 * 4 * 3, dtype: ScalarType.Float32).reshape(5, 1, 4, 3).div(59);
        using var tiled = ImageGrid.Tile(images, columns: 3, gap: 1, fill: -1);
        Assert.Equal(new long[] { 1, 2 * 4 + 1, 3 * 3 + 2 }, tiled.shape);
        Assert.Equal(-1, tiled[0, 4, 0].item<double>());                 // the gap row
        Assert.Equal(-1, tiled[0, 5, 8].item<double>());                 // the empty sixth place
        Assert.Equal(12 / 59.0, tiled[0, 0, 4].item<double>(), 6);       // image 1, pixel (0, 0)
        var figure = new Figure(ImageGrid.Plot(images, columns: 3, labels: new[] { "a", "b", "c", "d", "e" }));
        Assert.Equal(new[] { "heatmap" }, figure.TraceTypes);
        Assert.Equal(5, figure.Layout["annotations"]!.AsArray().Count);
        Assert.Contains("null", figure.Traces[0]!["z"]!.ToJsonString());
        Assert.Equal("x", figure.Layout["yaxis"]!["scaleanchor"]!.GetValue<string>());
        var error = Assert.Throws<ArgumentException>(() => ImageGrid.Plot(zeros(2, 4, 4, 4)));
        Assert.Contains("got [2, 4, 4, 4] float32", error.Message);
        Assert.Contains("ToImage draws RGB", Assert.Throws<ArgumentException>(() => ImageGrid.Plot(zeros(2, 3, 4, 4))).Message);
    }

    [Fact]
    public void Optimizer_paths_are_lines_over_a_contour_of_the_loss()
    {
        var sgd = new List<(double, double)> { (2, 2), (1, 1.5), (0.5, 0.5) };
        var adam = new List<(double, double)> { (-2, 2), (-1, 1) };
        var figure = new Figure(OptimizerTrajectories.Plot((a, b) => a * a + 10 * b * b, (-3, 3), (-3, 3),
            new[] { ("SGD", (IReadOnlyList<(double, double)>)sgd), ("Adam", adam) }, resolution: 11));
        Assert.Equal(new[] { "contour", "scatter", "scatter" }, figure.TraceTypes);
        Assert.Equal(new[] { 2.0, 1, 0.5 }, figure.Numbers(figure.Traces[1]!["x"]));
        Assert.Equal("lines+markers", figure.Traces[2]!["mode"]!.GetValue<string>());
        Assert.Equal(90.0 + 9, figure.Traces[0]!["z"]![0]![0]!.GetValue<double>()); // L(−3, −3)
        Assert.Equal("h", figure.Layout["legend"]!["orientation"]!.GetValue<string>());
        var log = new Figure(OptimizerTrajectories.Plot((a, b) => a * a + 10 * b * b, (-3, 3), (-3, 3), new[] { ("SGD", (IReadOnlyList<(double, double)>)sgd) }, resolution: 11, logScale: true));
        Assert.Equal(1.996, log.Traces[0]!["z"]![0]![0]!.GetValue<double>()); // log₁₀ 99 = 1.99564 to 4 significant digits
    }

    [Fact]
    public void Optimizer_paths_on_a_loss_surface_use_its_grid_and_thin_long_paths()
    {
        var bowl = new Book.Optimization.QuadraticBowl(1, 10);
        var path = bowl.Follow(p => new Book.Optimizers.SGD(p, 0.05), (2, 1), 500, "SGD");
        var figure = new Figure(OptimizerTrajectories.Plot(bowl, (-3, 3), (-3, 3), new[] { path }, "Bowl", resolution: 11, maxPoints: 50));
        Assert.Equal(0.5 * (9 + 10 * 9), figure.Traces[0]!["z"]![0]![0]!.GetValue<double>());   // J(−3, −3)
        Assert.Equal(50, figure.Traces[1]!["x"]!.AsArray().Count);
        Assert.Equal(2.0, figure.Numbers(figure.Traces[1]!["x"])[0]);
        Assert.Equal("Bowl", figure.Title);
        Assert.Equal("x", figure.Layout["xaxis"]!["title"]!["text"]!.GetValue<string>());
    }

    [Fact]
    public void A_log_y_axis_keeps_the_axis_title()
    {
        var chart = Plotly.NET.CSharp.Chart.Line<int, double, string>(new[] { 1, 2 }, new[] { 1.0, 1e-3 })
            .WithTitles("Loss", "step", "training MSE", logY: true);
        var figure = new Figure(chart);
        Assert.Equal("log", figure.Layout["yaxis"]!["type"]!.GetValue<string>());
        Assert.Equal("training MSE", figure.Layout["yaxis"]!["title"]!["text"]!.GetValue<string>());
        Assert.Equal("Loss", figure.Title);
    }

    [Fact]
    public void A_computational_graph_has_a_marker_per_node_and_an_arrow_per_edge_pointing_forward()
    {
        var w = new Book.Autograd.Value(-0.6, "w");
        var x = new Book.Autograd.Value(1.5, "x");
        var loss = (w * x + 0.2).Sigmoid();
        loss.Label = "L";
        loss.Backward();
        var figure = new Figure(ComputationalGraph.Plot(loss));
        int nodes = loss.TopologicalOrder().Count;
        Assert.Equal(nodes, figure.Traces.Sum(t => t!["x"]!.AsArray().Count));
        var arrows = figure.Layout["annotations"]!.AsArray();
        Assert.Equal(loss.TopologicalOrder().Sum(n => n.Children.Count), arrows.Count);
        Assert.All(arrows, a => Assert.True(a!["x"]!.GetValue<double>() > a["ax"]!.GetValue<double>(), "every arrow points from an input to a later step"));
        var captions = figure.Traces.SelectMany(t => t!["text"]!.AsArray().Select(c => c!.GetValue<string>())).ToArray();
        Assert.Contains(captions, c => c.StartsWith("w<br>-0.6 | ∂ "));
        Assert.Contains(captions, c => c.StartsWith("L = σ<br>"));
        Assert.Equal("Computational graph", figure.Title);
        Assert.False(string.IsNullOrEmpty(figure.Layout["yaxis"]!["title"]!["text"]!.GetValue<string>()));
    }

    [Fact]
    public void A_series_plot_names_both_axes_and_leaves_out_values_a_log_axis_cannot_show()
    {
        var figure = new Figure(SeriesPlot.Plot("Loss", "step", "MSE",
            new[] { ("diverged", (IReadOnlyList<double>)new[] { 1.0, 0.5, double.NaN }), ("fine", new[] { 1.0, 0.0, 0.25 }) }, logY: true));
        Assert.Equal(new[] { 0.0, 1 }, figure.Numbers(figure.Traces[0]!["x"]));
        Assert.Equal(new[] { 0.0, 2 }, figure.Numbers(figure.Traces[1]!["x"]));
        Assert.Equal("step", figure.Layout["xaxis"]!["title"]!["text"]!.GetValue<string>());
        Assert.Equal("MSE", figure.Layout["yaxis"]!["title"]!["text"]!.GetValue<string>());
        Assert.Equal("log", figure.Layout["yaxis"]!["type"]!.GetValue<string>());
        var grid = new Figure(SeriesPlot.Plot("Grid", "x", "y", new[] { ("line", (IReadOnlyList<double>)new[] { -2.0, 1.11e-16, 4 }, (IReadOnlyList<double>)new[] { 1.0, 2, 3 }) }));
        Assert.Equal(new[] { -2.0, 0, 4 }, grid.Numbers(grid.Traces[0]!["x"]));   // noise where 0 belongs is written as 0
        var vanishing = new Figure(SeriesPlot.Plot("Gradient", "steps back", "norm",
            new[] { ("tanh", (IReadOnlyList<double>)new[] { 1.0, 1e-6, 4.526e-12, 3e-15 }) }, logY: true));
        Assert.Equal(new[] { 1.0, 1e-6, 4.526e-12, 3e-15 }, vanishing.Numbers(vanishing.Traces[0]!["y"]));   // real decades kept on a log axis
    }
}
