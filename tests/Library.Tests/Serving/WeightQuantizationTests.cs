using Book.Serving;
using TorchSharp;
using static TorchSharp.torch;

namespace Book.Tests.Serving;

/// <summary>int8 weights: each within half a step of its row's scale, and the byte count of the formula.</summary>
[Collection(SeededCollection.Name)]
public class WeightQuantizationTests
{
    [Fact]
    public void Int8_moves_every_weight_by_at_most_half_its_rows_step_and_counts_the_bytes()
    {
        Book.Runtime.Reproducibility.Seed(7);
        var model = nn.Sequential(("first", nn.Linear(6, 5)), ("second", nn.Linear(5, 3)));
        var before = model.parameters().Select(p => p.detach().clone()).ToList();
        var weights = new[] { before[0], before[2] };
        var report = WeightQuantization.Int8(model);
        var after = model.parameters().ToList();

        for (int i = 0; i < 2; i++)
        {
            var step = weights[i].abs().amax([1], keepdim: true) / 127;
            var error = (after[2 * i] - weights[i]).abs();
            Assert.True((error <= step / 2 + 1e-7).all().item<bool>(), $"layer {i}: a weight moved by more than half a step");
            Assert.True(error.max().item<float>() > 0, "quantisation changed nothing");
            // The restored weights are whole multiples of the row's step.
            var multiples = after[2 * i] / step;
            Assert.True((multiples - multiples.round()).abs().max().item<float>() < 1e-3);
        }
        Assert.True(after[1].eq(before[1]).all().item<bool>() && after[3].eq(before[3]).all().item<bool>(), "biases must stay untouched");
        Assert.Equal(30 + 5 + 15 + 3, report.Parameters);
        Assert.Equal(45, report.QuantizedWeights);
        Assert.Equal(4 * 8 + 45 + 4 * 8, report.Int8Bytes);   // biases in float32, weights 1 byte, one scale per row
        Assert.True(report.Compression > 1);
    }

    [Fact]
    public void A_model_without_linear_layers_is_refused()
    {
        Assert.Contains("linear", Assert.Throws<ArgumentException>(() => WeightQuantization.Int8(nn.ReLU())).Message);
    }
}
