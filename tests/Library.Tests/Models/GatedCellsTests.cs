using Book.Checks;
using Book.Models;
using Book.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace Book.Tests.Models;

/// <summary>The from-scratch LSTM and GRU cells against TorchSharp's fused layers, values and gradients.</summary>
[Collection(SeededCollection.Name)]
public class GatedCellsTests
{
    static Tensor Unroll(Func<Tensor, Tensor> step, Tensor x) =>
        stack(Enumerable.Range(0, (int)x.shape[1]).Select(t => step(x.select(1, t))).ToArray(), 1);

    static void SameGradients(nn.Module ours, nn.Module reference, params (string Ours, string[] Reference)[] pairs)
    {
        var mine = ours.named_parameters().ToDictionary(p => p.name, p => p.parameter.grad!);
        var theirs = reference.named_parameters().ToDictionary(p => p.name, p => p.parameter.grad!);
        foreach (var (name, sources) in pairs)
        {
            // A bias of ours that is the sum of two of theirs receives the same gradient as each of them.
            Assert.True(mine[name].allclose(theirs[sources[0]], rtol: 1e-4, atol: 1e-6), $"∂L/∂{name} differs from ∂L/∂{sources[0]}");
            foreach (var other in sources.Skip(1)) Assert.True(theirs[other].allclose(theirs[sources[0]], rtol: 1e-4, atol: 1e-6));
        }
    }

    [Fact]
    public void The_LSTM_cell_unrolled_matches_nn_LSTM_forward_and_backward()
    {
        Reproducibility.Seed(42);
        var reference = nn.LSTM(3, 5, batchFirst: true).to(Devices.Default);
        var cell = new LstmCell(3, 5);
        cell.CopyFrom(reference);
        using var x = randn(4, 7, 3, device: Devices.Default);

        var expected = reference.call(x, null).Item1;
        var state = (H: zeros(4, 5, device: x.device), C: zeros(4, 5, device: x.device));
        var actual = Unroll(xt => (state = cell.call(xt, state)).H, x);

        Assert.Equal("max |difference| < 1e-5 ✓", Agreement.Within(actual, expected, 1e-5));
        expected.square().sum().backward();
        actual.square().sum().backward();
        SameGradients(cell, reference, ("W_x", ["weight_ih_l0"]), ("W_h", ["weight_hh_l0"]), ("b", ["bias_ih_l0", "bias_hh_l0"]));
    }

    [Fact]
    public void The_GRU_cell_unrolled_matches_nn_GRU_forward_and_backward()
    {
        Reproducibility.Seed(42);
        var reference = nn.GRU(3, 5, batchFirst: true).to(Devices.Default);
        var cell = new GruCell(3, 5);
        cell.CopyFrom(reference);
        using var x = randn(4, 7, 3, device: Devices.Default);

        var expected = reference.call(x, null).Item1;
        var h = zeros(4, 5, device: x.device);
        var actual = Unroll(xt => h = cell.call(xt, h), x);

        Assert.Equal("max |difference| < 1e-5 ✓", Agreement.Within(actual, expected, 1e-5));
        expected.square().sum().backward();
        actual.square().sum().backward();
        SameGradients(cell, reference, ("W_x", ["weight_ih_l0"]), ("W_h", ["weight_hh_l0"]), ("b_x", ["bias_ih_l0"]), ("b_h", ["bias_hh_l0"]));
    }

    [Fact]
    public void LSTM_gates_are_probabilities_and_a_closed_forget_gate_erases_the_cell_state()
    {
        Reproducibility.Seed(42);
        var cell = new LstmCell(2, 3);
        using var x = randn(5, 2, device: Devices.Default);
        using var h = randn(5, 3, device: Devices.Default);
        var (input, forget, output, candidate) = cell.Gates(x, h);
        foreach (var gate in new[] { input, forget, output })
            Assert.True(gate.gt(0).all().item<bool>() && gate.lt(1).all().item<bool>());
        Assert.True(candidate.abs().le(1).all().item<bool>());

        // The next cell state is f ⊙ c + i ⊙ g: linear in c with slope f.
        using var c = randn(5, 3, device: Devices.Default);
        var withC = cell.call(x, (h, c)).C;
        var withoutC = cell.call(x, (h, zeros_like(c))).C;
        Assert.True((withC - withoutC).allclose(forget * c, rtol: 1e-5, atol: 1e-6));
    }

    [Fact]
    public void Cells_refuse_states_of_the_wrong_size()
    {
        var lstm = new LstmCell(3, 5);
        var gru = new GruCell(3, 5);
        var error = Assert.Throws<ArgumentException>(() => lstm.call(zeros(2, 3), (zeros(2, 5), zeros(2, 4))));
        Assert.Equal("expected cell state of shape [2, 5], got [2, 4]", error.Message);
        error = Assert.Throws<ArgumentException>(() => gru.call(zeros(2, 4), zeros(2, 5)));
        Assert.Equal("expected input of shape [batch, 3], got [2, 4]", error.Message);
    }
}
