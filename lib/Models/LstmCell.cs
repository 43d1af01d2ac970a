using Book.Runtime;
using Book.Tensors;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Book.Models;

/// <summary>
/// The long short-term memory cell of chapter 09, written from scratch (Hochreiter and Schmidhuber, 1997,
/// with the forget gate of Gers, Schmidhuber and Cummins, 2000). Besides the hidden state h it carries a
/// cell state c that is changed only by multiplication with a gate and addition, so gradients can flow
/// through it over many steps:
/// <code>
/// i = σ(W_xi x + W_hi h + b_i)      input gate:  how much of the candidate to write
/// f = σ(W_xf x + W_hf h + b_f)      forget gate: how much of the old cell state to keep
/// g = tanh(W_xg x + W_hg h + b_g)   candidate values
/// o = σ(W_xo x + W_ho h + b_o)      output gate: how much of the cell state to show
/// c′ = f ⊙ c + i ⊙ g,   h′ = o ⊙ tanh(c′)
/// </code>
/// The four gates' weights are stacked in one matrix, rows in nn.LSTM's order i, f, g, o, so one
/// matrix product computes all four. Parameters start uniform in [−1/√H, 1/√H], as in <c>nn.LSTM</c>.
/// </summary>
public sealed class LstmCell : nn.Module<Tensor, (Tensor H, Tensor C), (Tensor H, Tensor C)>
{
#pragma warning disable IDE1006 // the formula's names
    readonly Parameter W_x;
    readonly Parameter W_h;
    readonly Parameter b;
#pragma warning restore IDE1006

    /// <summary>A cell from <paramref name="inputSize"/> features to <paramref name="hiddenSize"/> hidden units.</summary>
    public LstmCell(int inputSize, int hiddenSize, Device? device = null) : base(nameof(LstmCell))
    {
        if (inputSize < 1 || hiddenSize < 1)
            throw new ArgumentException($"Expected positive sizes, got input {inputSize} and hidden {hiddenSize}.");
        double bound = 1 / Math.Sqrt(hiddenSize);
        W_x = new Parameter(empty(4 * hiddenSize, inputSize).uniform_(-bound, bound));
        W_h = new Parameter(empty(4 * hiddenSize, hiddenSize).uniform_(-bound, bound));
        b = new Parameter(empty(4 * hiddenSize).uniform_(-bound, bound));
        (InputSize, HiddenSize) = (inputSize, hiddenSize);
        RegisterComponents();
        this.to(device ?? Devices.Default);
    }

    /// <summary>Features per time step.</summary>
    public int InputSize { get; }

    /// <summary>Hidden units H (the size of h and of c).</summary>
    public int HiddenSize { get; }

    /// <summary>One step: x [batch, input] and the state (h, c), each [batch, hidden] → the new state (h′, c′).</summary>
    public override (Tensor H, Tensor C) forward(Tensor x, (Tensor H, Tensor C) state)
    {
        Shapes.Require(x, "input", "batch", InputSize);
        Shapes.Require(state.H, "hidden state", x.shape[0], HiddenSize);
        Shapes.Require(state.C, "cell state", x.shape[0], HiddenSize);
        var (i, f, o, g) = Gates(x, state.H);
        var c = f * state.C + i * g;
        return (o * c.tanh(), c);
    }

    /// <summary>What one step computes before it touches the cell state: the gates i, f, o (in (0, 1)) and the candidate g.</summary>
    public (Tensor Input, Tensor Forget, Tensor Output, Tensor Candidate) Gates(Tensor x, Tensor h)
    {
        var gates = (x.matmul(W_x.t()) + h.matmul(W_h.t()) + b).chunk(4, 1);
        return (gates[0].sigmoid(), gates[1].sigmoid(), gates[3].sigmoid(), gates[2].tanh());
    }

    /// <summary>Sets the weights from a one-layer <c>nn.LSTM</c> (b = bias_ih + bias_hh), to compare the two.</summary>
    public void CopyFrom(LSTM lstm)
    {
        ArgumentNullException.ThrowIfNull(lstm);
        var weights = lstm.state_dict();
        using var noGrad = no_grad();
        W_x.copy_(weights["weight_ih_l0"]);
        W_h.copy_(weights["weight_hh_l0"]);
        b.copy_(weights["bias_ih_l0"] + weights["bias_hh_l0"]);
    }
}
