using Book.Runtime;
using Book.Tensors;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Book.Models;

/// <summary>
/// A recurrent layer of one of the kinds chapter 09 compares, batch first: input [batch, time, features]
/// → the hidden state of the top layer at every step, [batch, time, hidden]. LSTM and GRU are TorchSharp's
/// fused <c>nn.LSTM</c> and <c>nn.GRU</c>; SimpleRnn is the book's from-scratch <see cref="Models.SimpleRnn"/>.
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
            RecurrentKind.SimpleRnn => nn.Sequential(Enumerable.Range(0, layers)
                .Select(l => (nn.Module<Tensor, Tensor>)new SimpleRnn(l == 0 ? inputSize : hiddenSize, hiddenSize, CPU)).ToArray()),
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
            Sequential simple => simple.call(input),
            _ => throw new InvalidOperationException($"Unexpected recurrent layer {rnn.GetType().Name}."),
        };
    }

    /// <summary>The top layer's hidden state after the last step, [batch, hidden]: what the layer has read from the whole sequence.</summary>
    public Tensor LastState(Tensor input) => call(input).select(1, -1);
}
