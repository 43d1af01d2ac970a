using TorchSharp;
using static TorchSharp.torch;

namespace Book.Initialisation;

/// <summary>
/// How a signal travels through a deep stack of layers, chapter 5: for each layer l, the standard
/// deviation of its output h_l in one forward pass, and the standard deviation of the gradient of its
/// weight matrix ∂L/∂W_l in the backward pass of L = Σ h_L ⊙ g for a fixed upstream gradient g (so
/// that every stack receives the same signal from above). A scheme that keeps both flat across the
/// layers lets every layer learn; one that makes them shrink or grow geometrically does not.
/// </summary>
/// <param name="Activations">std(h_l) for l = 1 … L.</param>
/// <param name="Gradients">std(∂L/∂W_l) for l = 1 … L.</param>
public sealed record LayerStatistics(IReadOnlyList<double> Activations, IReadOnlyList<double> Gradients)
{
    /// <summary>Runs <paramref name="input"/> through <paramref name="layers"/> in order and back from <paramref name="upstream"/>.</summary>
    /// <param name="layers">The stack; each layer must contain a weight matrix (its first parameter with ≥ 2 dimensions is measured).</param>
    /// <param name="input">The batch fed to the first layer.</param>
    /// <param name="upstream">g = ∂L/∂h_L, shaped like the last layer's output.</param>
    public static LayerStatistics Measure(IReadOnlyList<nn.Module<Tensor, Tensor>> layers, Tensor input, Tensor upstream)
    {
        ArgumentNullException.ThrowIfNull(layers);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(upstream);
        var weights = layers.Select((layer, l) => layer.parameters().FirstOrDefault(p => p.dim() >= 2)
            ?? throw new ArgumentException($"Expected every layer to hold a weight matrix, but layer {l + 1} has none.", nameof(layers))).ToArray();
        using var scope = NewDisposeScope();
        foreach (var weight in weights) weight.grad?.zero_();
        var activations = new double[layers.Count];
        var h = input;
        for (int l = 0; l < layers.Count; l++)
        {
            h = layers[l].call(h);
            activations[l] = h.detach().std().ToDouble();
        }
        (h * upstream).sum().backward();
        var gradients = weights.Select(w => w.grad is null ? 0 : w.grad.std().ToDouble()).ToArray();
        return new LayerStatistics(activations, gradients);
    }
}
