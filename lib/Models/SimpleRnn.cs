using Book.Tensors;
using Book.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace Book.Models;

/// <summary>
/// A recurrent layer that unrolls an <see cref="RnnCell"/> over time (chapter 09; Keras calls it
/// SimpleRNN): h₀ = 0, hₜ = tanh(W_x xₜ + W_h hₜ₋₁ + b) for t = 1…T. Input [batch, time, features]
/// (batch first), output every hₜ as [batch, time, hidden]; the last step, output[:, −1], summarises
/// the sequence.
/// </summary>
public sealed class SimpleRnn : nn.Module<Tensor, Tensor>
{
    readonly RnnCell cell;

    /// <summary>A layer from <paramref name="inputSize"/> features per step to <paramref name="hiddenSize"/> hidden units.</summary>
    public SimpleRnn(int inputSize, int hiddenSize, Device? device = null) : base(nameof(SimpleRnn))
    {
        cell = new RnnCell(inputSize, hiddenSize, device);
        RegisterComponents();
    }

    /// <summary>The cell applied at every step.</summary>
    public RnnCell Cell => cell;

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        Shapes.Require(input, "input", "batch", "time", cell.InputSize);
        var h = zeros(input.shape[0], cell.HiddenSize, device: input.device, dtype: input.dtype);
        var states = new List<Tensor>();
        for (long t = 0; t < input.shape[1]; t++)
        {
            h = cell.call(input.select(1, t), h);
            states.Add(h);
        }
        return stack(states, 1);
    }
}
