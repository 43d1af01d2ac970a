using Book.Runtime;
using Book.Tensors;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Book.Models;

/// <summary>
/// A recurrent layer of one of the kinds chapter 09 compares, batch first: input [batch, time, features]
/// → the hidden state of the top layer at every step, [batch, time, hidden]. All three kinds are TorchSharp's
/// fused layers — <c>nn.RNN</c> (tanh), <c>nn.GRU</c>, <c>nn.LSTM</c> — which run the time loop in native
/// code; chapter 09 shows each equal, in values and gradients, to the book's from-scratch
/// <see cref="SimpleRnn"/>, <see cref="GruCell"/> and <see cref="LstmCell"/>.
/// With <c>layers</c> &gt; 1 the layers are stacked (a deep RNN): layer ℓ reads the hidden states of
/// layer ℓ − 1 as its input sequence. Every state starts at zero.
/// </summary>
public sealed class RecurrentLayer : nn.Module<Tensor, Tensor>
{
    readonly nn.Module rnn;

    /// <summary>A layer of <paramref name="kind"/> from <paramref name="inputSize"/> features per step to <paramref name="hiddenSize"/> units.</summary>
    public RecurrentLayer(RecurrentKind kind, int inputSize, int hiddenSize, int layers = 1, Device? device = null) : base(nameof(RecurrentLayer))
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(layers, 1);
        rnn = kind switch
        {
            RecurrentKind.Lstm => nn.LSTM(inputSize, hiddenSize, numLayers: layers, batchFirst: true),
            RecurrentKind.Gru => nn.GRU(inputSize, hiddenSize, numLayers: layers, batchFirst: true),
            RecurrentKind.SimpleRnn => nn.RNN(inputSize, hiddenSize, numLayers: layers, batchFirst: true),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Expected Lstm, Gru or SimpleRnn."),
        };
        (Kind, InputSize, HiddenSize, Layers) = (kind, inputSize, hiddenSize, layers);
        RegisterComponents();
        this.to(device ?? Devices.Default);
    }

    /// <summary>The kind of recurrence.</summary>
    public RecurrentKind Kind { get; }

    /// <summary>Features per time step.</summary>
    public int InputSize { get; }

    /// <summary>Hidden units per layer.</summary>
    public int HiddenSize { get; }

    /// <summary>Stacked layers.</summary>
    public int Layers { get; }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        Shapes.Require(input, "input", "batch", "time", InputSize);
        return rnn switch
        {
            LSTM lstm => lstm.call(input, null).Item1,
            GRU gru => gru.call(input, null).Item1,
            RNN simple => simple.call(input, null).Item1,
            _ => throw new InvalidOperationException($"Unexpected recurrent layer {rnn.GetType().Name}."),
        };
    }

    /// <summary>
    /// Sets the forget-gate bias b_f of every LSTM layer to <paramref name="bias"/> (nn.LSTM's bias_ih holds it,
    /// bias_hh's part is set to 0), so that from the start f = σ(b_f + …) is close to 1 and the cell state — and
    /// its gradient — is carried over many steps. Jozefowicz, Zaremba and Sutskever (2015) recommend 1; the
    /// default initialisation gives f ≈ σ(0) = ½, which halves the cell state at every step. LSTM only.
    /// </summary>
    public void SetForgetGateBias(double bias)
    {
        if (rnn is not LSTM lstm) throw new InvalidOperationException($"Only an LSTM has a forget gate; this layer is a {Kind}.");
        using var noGrad = no_grad();
        foreach (var (name, parameter) in lstm.named_parameters().Where(p => p.name.StartsWith("bias_", StringComparison.Ordinal)))
            parameter[HiddenSize..(2 * HiddenSize)] = full(HiddenSize, name.StartsWith("bias_ih", StringComparison.Ordinal) ? bias : 0.0,
                dtype: parameter.dtype, device: parameter.device);
    }

    /// <summary>The top layer's hidden state after the last step, [batch, hidden]: what the layer has read from the whole sequence.</summary>
    public Tensor LastState(Tensor input) => call(input).select(1, -1);
}
