using Book.Tensors;
using Book.Runtime;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Book.Models;

/// <summary>
/// The recurrent cell of chapter 09, written from scratch: h′ = tanh(W_x x + W_h h + b), the same
/// weights applied at every time step. Parameters start uniform in [−1/√H, 1/√H], as in
/// <c>nn.RNN</c>, whose weight_ih, weight_hh and bias_ih + bias_hh are W_x, W_h and b here.
/// </summary>
public sealed class RnnCell : nn.Module<Tensor, Tensor, Tensor>
{
#pragma warning disable IDE1006 // the formula's names
    readonly Parameter W_x;
    readonly Parameter W_h;
    readonly Parameter b;
#pragma warning restore IDE1006

    /// <summary>A cell from <paramref name="inputSize"/> features to <paramref name="hiddenSize"/> hidden units.</summary>
    public RnnCell(int inputSize, int hiddenSize, Device? device = null) : base(nameof(RnnCell))
    {
        if (inputSize < 1 || hiddenSize < 1)
            throw new ArgumentException($"Expected positive sizes, got input {inputSize} and hidden {hiddenSize}.");
        double bound = 1 / Math.Sqrt(hiddenSize);
        W_x = new Parameter(empty(hiddenSize, inputSize).uniform_(-bound, bound));
        W_h = new Parameter(empty(hiddenSize, hiddenSize).uniform_(-bound, bound));
        b = new Parameter(empty(hiddenSize).uniform_(-bound, bound));
        (InputSize, HiddenSize) = (inputSize, hiddenSize);
        RegisterComponents();
        this.to(device ?? Devices.Default);
    }

    /// <summary>Features per time step.</summary>
    public int InputSize { get; }

    /// <summary>Hidden units H.</summary>
    public int HiddenSize { get; }

    /// <summary>W_x, [hidden, input]: how the input enters the state.</summary>
    public Parameter InputWeights => W_x;

    /// <summary>W_h, [hidden, hidden]: how the previous state enters the new one — the matrix BPTT multiplies by at every step back.</summary>
    public Parameter HiddenWeights => W_h;

    /// <summary>b, [hidden].</summary>
    public Parameter Bias => b;

    /// <summary>One step: x of shape [batch, input], h of shape [batch, hidden] → h′ of shape [batch, hidden].</summary>
    public override Tensor forward(Tensor x, Tensor h)
    {
        Shapes.Require(x, "input", "batch", InputSize);
        Shapes.Require(h, "hidden state", x.shape[0], HiddenSize);
        return tanh(x.matmul(W_x.t()) + h.matmul(W_h.t()) + b);
    }

    /// <summary>Sets W_x, W_h and b from a one-layer <c>nn.RNN</c> (b = bias_ih + bias_hh), to compare the two.</summary>
    public void CopyFrom(RNN rnn)
    {
        ArgumentNullException.ThrowIfNull(rnn);
        var weights = rnn.state_dict();
        using var noGrad = no_grad();
        W_x.copy_(weights["weight_ih_l0"]);
        W_h.copy_(weights["weight_hh_l0"]);
        b.copy_(weights["bias_ih_l0"] + weights["bias_hh_l0"]);
    }
}
