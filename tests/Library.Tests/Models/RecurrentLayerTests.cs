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
        // Per block: W_x [H×in] + W_h [H×H] + biases (two per block in TorchSharp, one in the from-scratch cell).
        int biases = kind == RecurrentKind.SimpleRnn ? 1 : 2;
        long expected = blocks * (7 * 5 + 7 * 7 + biases * 7) + blocks * (7 * 7 + 7 * 7 + biases * 7);
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

        var history = trainer.Fit(new TensorBatches(windows.X, windows.Y, 32, shuffle: true), epochs: 20);

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
}
