using Book.Tensors;
using TorchSharp;
using static TorchSharp.torch;

namespace Book.Models;

/// <summary>
/// How far back a recurrent layer's gradient reaches (chapter 09): for the sum of the last hidden state,
/// L = Σ_j h_T,j, the size ‖∂L/∂x_t‖ of the gradient with respect to each input step x_t, averaged over the
/// batch. A simple RNN's gradient shrinks geometrically with the distance T − t (the vanishing gradient);
/// an LSTM's or a GRU's decays far more slowly.
/// </summary>
public static class GradientOverTime
{
    /// <summary>‖∂L/∂x_t‖ for t = 1 … T, for <paramref name="layer"/> (input [batch, time, features] → states [batch, time, hidden]).</summary>
    public static double[] PerStep(nn.Module<Tensor, Tensor> layer, Tensor input)
    {
        ArgumentNullException.ThrowIfNull(layer);
        Shapes.Require(input, "input", "batch", "time", "features");
        using var scope = NewDisposeScope();
        var x = input.detach().clone().requires_grad_(true);
        var gradient = autograd.grad([layer.call(x).select(1, -1).sum()], [x])[0];   // leaves the layer's own .grad alone
        return gradient.square().sum(2).sqrt().mean([0]).to_type(ScalarType.Float64).cpu().data<double>().ToArray();
    }
}
