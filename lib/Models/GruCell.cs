using Book.Runtime;
using Book.Tensors;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Book.Models;

/// <summary>
/// The gated recurrent unit of chapter 09, written from scratch (Cho et al., 2014): an LSTM with fewer
/// parts — no separate cell state, and one update gate that both forgets and writes:
/// <code>
/// r = σ(W_xr x + b_xr + W_hr h + b_hr)              reset gate:  how much of h the candidate sees
/// z = σ(W_xz x + b_xz + W_hz h + b_hz)              update gate: how much of h to keep
/// n = tanh(W_xn x + b_xn + r ⊙ (W_hn h + b_hn))     candidate
/// h′ = (1 − z) ⊙ n + z ⊙ h
/// </code>
/// With z near 1 the state passes unchanged, which is how a GRU remembers over many steps. Weights are
/// stacked in nn.GRU's order r, z, n; the two biases stay separate because b_hn sits inside r ⊙ (…).
/// Parameters start uniform in [−1/√H, 1/√H], as in <c>nn.GRU</c>.
/// </summary>
public sealed class GruCell : nn.Module<Tensor, Tensor, Tensor>
{
#pragma warning disable IDE1006 // the formula's names
    readonly Parameter W_x;
    readonly Parameter W_h;
    readonly Parameter b_x;
    readonly Parameter b_h;
#pragma warning restore IDE1006

    /// <summary>A cell from <paramref name="inputSize"/> features to <paramref name="hiddenSize"/> hidden units.</summary>
    public GruCell(int inputSize, int hiddenSize, Device? device = null) : base(nameof(GruCell))
    {
        if (inputSize < 1 || hiddenSize < 1)
            throw new ArgumentException($"Expected positive sizes, got input {inputSize} and hidden {hiddenSize}.");
        double bound = 1 / Math.Sqrt(hiddenSize);
        W_x = new Parameter(empty(3 * hiddenSize, inputSize).uniform_(-bound, bound));
        W_h = new Parameter(empty(3 * hiddenSize, hiddenSize).uniform_(-bound, bound));
        b_x = new Parameter(empty(3 * hiddenSize).uniform_(-bound, bound));
        b_h = new Parameter(empty(3 * hiddenSize).uniform_(-bound, bound));
        (InputSize, HiddenSize) = (inputSize, hiddenSize);
        RegisterComponents();
        this.to(device ?? Devices.Default);
    }

    /// <summary>Features per time step.</summary>
    public int InputSize { get; }

    /// <summary>Hidden units H.</summary>
    public int HiddenSize { get; }

    /// <summary>One step: x [batch, input], h [batch, hidden] → h′ [batch, hidden].</summary>
    public override Tensor forward(Tensor x, Tensor h)
    {
        Shapes.Require(x, "input", "batch", InputSize);
        Shapes.Require(h, "hidden state", x.shape[0], HiddenSize);
        var fromInput = (x.matmul(W_x.t()) + b_x).chunk(3, 1);
        var fromState = (h.matmul(W_h.t()) + b_h).chunk(3, 1);
        var r = (fromInput[0] + fromState[0]).sigmoid();
        var z = (fromInput[1] + fromState[1]).sigmoid();
        var n = (fromInput[2] + r * fromState[2]).tanh();
        return (1 - z) * n + z * h;
    }

    /// <summary>Sets the weights from a one-layer <c>nn.GRU</c>, to compare the two.</summary>
    public void CopyFrom(GRU gru)
    {
        ArgumentNullException.ThrowIfNull(gru);
        var weights = gru.state_dict();
        using var noGrad = no_grad();
        W_x.copy_(weights["weight_ih_l0"]);
        W_h.copy_(weights["weight_hh_l0"]);
        b_x.copy_(weights["bias_ih_l0"]);
        b_h.copy_(weights["bias_hh_l0"]);
    }
}
