using Book.Data;
using Book.Models;
using Book.Runtime;
using Book.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Book.Tests.Models;

[Collection(SeededCollection.Name)]
public class RecurrentLayerTests
{
    static long Count(nn.Module module) => module.parameters().Sum(p => p.numel());

    [Theory]
    [InlineData(RecurrentKind.SimpleRnn, 1)]
    [InlineData(RecurrentKind.Gru, 3)]
    [InlineData(RecurrentKind.Lstm, 4)]
    public void Stacked_layers_give_every_steps_state_and_have_the_textbook_parameter_count(RecurrentKind kind, int blocks)
    {
        var layer = new RecurrentLayer(kind, inputSize: 5, hiddenSize: 7, layers: 2);
        using var x = randn(3, 9, 5, device: Devices.Default);

        Assert.Equal([3L, 9, 7], layer.call(x).shape);
        Assert.Equal([3L, 7], layer.LastState(x).shape);
        // Per block and layer: W_x [H×in] + W_h [H×H] + two biases [H]; the second layer's input is the first's state.
        long expected = blocks * (7 * 5 + 7 * 7 + 2 * 7) + blocks * (7 * 7 + 7 * 7 + 2 * 7);
        Assert.Equal(expected, Count(layer));
    }

    [Fact]
    public void A_forecaster_learns_to_continue_a_sine_wave()
    {
        Reproducibility.Seed(42);
        var series = sin(arange(0, 300, dtype: float32) * (2 * Math.PI / 25));
        var windows = SlidingWindows.Make(series, window: 20);
        var model = new Forecaster(features: 1, hiddenSize: 16);
        var trainer = new Trainer(model, (o, y) => nn.functional.mse_loss(o, y), optim.Adam(model.parameters(), 0.01)) { ShowProgress = false };

        var history = trainer.Fit(new Batches(windows, 32, shuffle: true), epochs: 20);

        Assert.True(history["loss"][^1] < 0.01 * history["loss"][0], $"loss {history["loss"][0]} → {history["loss"][^1]}");
    }

    [Fact]
    public void Sliding_windows_pair_each_window_with_the_values_that_follow()
    {
        using var series = arange(10, dtype: float32);
        using var data = SlidingWindows.Make(series, window: 3, horizon: 2);

        Assert.Equal([6L, 3, 1], data.X.shape);
        Assert.Equal([6L, 2], data.Y.shape);
        Assert.Equal([2f, 3f, 4f], data.X[2, .., 0].data<float>().ToArray());
        Assert.Equal([5f, 6f], data.Y[2].data<float>().ToArray());
        var error = Assert.Throws<ArgumentException>(() => SlidingWindows.Make(series, window: 9, horizon: 2));
        Assert.StartsWith("Expected a series longer than window + horizon − 1 = 10 values, got 10.", error.Message);
    }

    [Fact]
    public void Setting_the_forget_gate_bias_changes_only_the_forget_gates_and_only_for_an_LSTM()
    {
        var lstm = new RecurrentLayer(RecurrentKind.Lstm, 3, 4, layers: 2);
        lstm.SetForgetGateBias(2);
        foreach (var (name, bias) in lstm.named_parameters().Where(p => p.name.Contains("bias")))
        {
            float expected = name.Contains("bias_ih") ? 2 : 0;
            Assert.All(bias[4..8].data<float>().ToArray(), b => Assert.Equal(expected, b));
        }
        var error = Assert.Throws<InvalidOperationException>(() => new RecurrentLayer(RecurrentKind.Gru, 3, 4).SetForgetGateBias(1));
        Assert.Equal("Only an LSTM has a forget gate; this layer is a Gru.", error.Message);
    }
}
