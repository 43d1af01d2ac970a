using Book.Display;
using Book.Models;
using Book.Runtime;
using static TorchSharp.torch;

namespace Book.Tests.Display;

public class ModelSummaryTests
{
    static long Conv(long cIn, long cOut, long k) => cOut * (cIn * k * k + 1);
    static long Dense(long n, long m) => m * (n + 1);

    [Fact]
    public void The_MNIST_network_summary_has_the_real_shapes_and_closed_form_parameter_counts()
    {
        Reproducibility.Seed(42);
        var summary = ModelSummary.Of(Cnn.Mnist(), 1, 1, 28, 28);

        var expected = new (string Name, long[] Shape, long Parameters)[]
        {
            ("features.conv1", [1, 32, 26, 26], Conv(1, 32, 3)),   // 28 − 3 + 1 = 26, not 14
            ("features.relu1", [1, 32, 26, 26], 0),
            ("features.pool1", [1, 32, 13, 13], 0),
            ("features.conv2", [1, 64, 11, 11], Conv(32, 64, 3)),
            ("features.relu2", [1, 64, 11, 11], 0),
            ("features.pool2", [1, 64, 5, 5], 0),                   // ⌊11 / 2⌋ = 5
            ("features.flatten", [1, 1600], 0),
            ("classifier.linear1", [1, 128], Dense(1600, 128)),
            ("classifier.relu1", [1, 128], 0),
            ("classifier.linear2", [1, 10], Dense(128, 10)),
        };
        Assert.Equal(expected.Select(e => e.Name), summary.Layers.Select(l => l.Name));
        Assert.Equal(expected.Select(e => e.Shape), summary.Layers.Select(l => l.OutputShape));
        Assert.Equal(expected.Select(e => e.Parameters), summary.Layers.Select(l => l.Parameters));
        Assert.Equal(320 + 18_496 + 204_928 + 1_290, summary.TotalParameters);
        Assert.Equal(225_034, summary.TrainableParameters);
        Assert.Equal(225_034 * 4, summary.ParameterBytes);
    }

    [Fact]
    public void The_summary_prints_as_a_keras_like_table()
    {
        var summary = ModelSummary.Of(Cnn.Mnist(), 1, 1, 28, 28);

        string text = BookFormatters.Format(summary);
        string html = BookFormatters.Format(summary, MimeTypes.Html);

        var lines = text.Split('\n');
        Assert.Equal("Cnn on input [1, 1, 28, 28]", lines[0]);
        Assert.StartsWith("layer (type)", lines[1]);
        Assert.Contains(lines, l => l.StartsWith("features.conv1 (Conv2d)") && l.Contains("[1, 32, 26, 26]") && l.EndsWith(" 320"));
        Assert.Contains("Total parameters: 225,034 (879.04 KB)", text);
        Assert.Contains("Non-trainable parameters: 0", text);
        Assert.Contains("<td style=\"text-align:right\">204,928</td>", html);
    }

    [Fact]
    public void Recurrent_layers_and_token_inputs_are_summarised()
    {
        var model = new SequenceClassifier(vocabularySize: 20, embeddingSize: 8, hiddenSize: 16, classes: 2);

        var summary = ModelSummary.Of(model, [3, 5], ScalarType.Int64);

        Assert.Equal(["embedding", "recurrent", "output"], summary.Layers.Select(l => l.Name));
        Assert.Equal([3L, 5, 16], summary.Layers[1].OutputShape!);
        // LSTM: 4 gates × (W_ih [16×8] + W_hh [16×16] + two biases [16]).
        Assert.Equal(4 * (16 * 8 + 16 * 16 + 2 * 16), summary.Layers[1].Parameters);
        Assert.Equal(20 * 8 + 4 * (16 * 8 + 16 * 16 + 2 * 16) + Dense(16, 2), summary.TotalParameters);
    }
}
