using Book.Runtime;
using Book.Tensors;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Book.Models;

/// <summary>
/// A recurrent forecaster (chapter 09): a window of past values [batch, time, features] → a
/// <see cref="RecurrentLayer"/> → its last hidden state → Linear → the next <c>horizon</c> values
/// [batch, horizon]. Train it with the mean squared error on windows cut by <c>SlidingWindows</c>.
/// </summary>
public sealed class Forecaster : nn.Module<Tensor, Tensor>
{
    readonly RecurrentLayer recurrent;
    readonly Linear output;

    /// <summary>A forecaster from <paramref name="features"/> values per step to <paramref name="horizon"/> values ahead.</summary>
    public Forecaster(int features, int hiddenSize, int horizon = 1, RecurrentKind kind = RecurrentKind.Gru, int layers = 1, Device? device = null)
        : base(nameof(Forecaster))
    {
        recurrent = new RecurrentLayer(kind, features, hiddenSize, layers, CPU);
        output = nn.Linear(hiddenSize, horizon);
        RegisterComponents();
        this.to(device ?? Devices.Default);
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor window) => output.call(recurrent.LastState(window));
}
