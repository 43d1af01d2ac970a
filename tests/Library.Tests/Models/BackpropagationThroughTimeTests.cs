using Book.Checks;
using Book.Models;
using Book.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace Book.Tests.Models;

[Collection(SeededCollection.Name)]
public class BackpropagationThroughTimeTests
{
    [Fact]
    public void Hand_written_BPTT_matches_autograd_for_a_loss_on_every_step()
    {
        Reproducibility.Seed(42);
        var rnn = new SimpleRnn(3, 4);
        rnn.to(float64);
        using var x = randn(2, 6, 3, dtype: float64, device: Devices.Default);
        using var targets = randn(2, 6, 4, dtype: float64, device: Devices.Default);

        var states = rnn.call(x);
        var loss = 0.5 * (states - targets).square().sum();
        loss.backward();
        var ours = BackpropagationThroughTime.Backward(rnn.Cell, x, states.detach(), (states - targets).detach());

        Assert.Equal("max |difference| < 1e-12 ✓", Agreement.Within(ours.InputWeights, rnn.Cell.InputWeights.grad!, 1e-12));
        Assert.Equal("max |difference| < 1e-12 ✓", Agreement.Within(ours.HiddenWeights, rnn.Cell.HiddenWeights.grad!, 1e-12));
        Assert.Equal("max |difference| < 1e-12 ✓", Agreement.Within(ours.Bias, rnn.Cell.Bias.grad!, 1e-12));
    }

    [Fact]
    public void Near_a_zero_state_the_gradient_reaching_early_steps_scales_like_the_recurrent_matrix_to_the_power_of_the_distance()
    {
        // With zero inputs and bias the state stays at 0, where tanh' = 1: ∂L/∂h_1 = (W_hᵀ)³⁹ ∂L/∂h_40.
        Reproducibility.Seed(42);
        var rnn = new SimpleRnn(1, 8);
        rnn.to(float64);
        using var x = zeros(1, 40, 1, dtype: float64, device: Devices.Default);
        double Ratio(double scale)
        {
            using (no_grad())
            {
                rnn.Cell.HiddenWeights.copy_(scale * eye(8, dtype: float64));
                rnn.Cell.Bias.zero_();
            }
            var states = rnn.call(x).detach();
            var lossGradients = zeros_like(states);
            lossGradients[.., -1] = ones(1, 8, dtype: float64);
            var grads = BackpropagationThroughTime.Backward(rnn.Cell, x, states, lossGradients).HiddenStates;
            return grads[0, 0].norm().item<double>() / grads[0, -1].norm().item<double>();
        }

        Assert.Equal(Math.Pow(0.5, 39), Ratio(0.5), 1e-20);   // vanished
        Assert.Equal(Math.Pow(1.2, 39), Ratio(1.2), 1e-6);     // exploded
    }

    [Fact]
    public void An_LSTM_whose_forget_gates_stay_open_keeps_its_gradient_over_time_where_a_simple_RNN_loses_it()
    {
        Reproducibility.Seed(42);
        using var x = randn(16, 60, 4, device: Devices.Default);
        var simple = GradientOverTime.PerStep(new RecurrentLayer(RecurrentKind.SimpleRnn, 4, 32), x);
        var lstm = new RecurrentLayer(RecurrentKind.Lstm, 4, 32);
        lstm.SetForgetGateBias(5);                               // forget gates: σ(5 + …) ≈ 0.99
        var open = GradientOverTime.PerStep(lstm, x);

        Assert.Equal(60, simple.Length);
        Assert.True(simple[0] / simple[^1] < 1e-6, $"simple RNN: {simple[0]} at t = 1 vs {simple[^1]} at t = T");
        Assert.True(open[0] / open[^1] > 1e-2, $"LSTM: {open[0]} at t = 1 vs {open[^1]} at t = T");
    }
}
