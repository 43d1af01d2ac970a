using Book.Tensors;
using Book.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace Book.Models;

/// <summary>
/// A multilayer perceptron (chapter 07): for sizes n₀ → n₁ → … → n_L,
/// h₀ = x, hₗ = dropout(φ(Wₗ hₗ₋₁ + bₗ)) for the hidden layers, and output W_L h_{L−1} + b_L with no
/// activation (logits: pair it with a loss that applies softmax or sigmoid itself).
/// Seed 000's classifier is <c>new Mlp([10, 64, 64, 1])</c>. The layers are named linear1, relu1,
/// dropout1, linear2, … so a <see cref="Display.ModelSummary"/> reads like the formula.
/// </summary>
public sealed class Mlp : nn.Module<Tensor, Tensor>
{
    readonly List<nn.Module<Tensor, Tensor>> layers = new();
    readonly long inputSize;

    /// <summary>An MLP with layer sizes <paramref name="sizes"/> (inputs first, outputs last).</summary>
    /// <param name="activation">Makes the activation φ after each hidden layer; ReLU by default.</param>
    /// <param name="dropout">Probability of zeroing a hidden unit during training; 0 for none.</param>
    /// <param name="device">Where the parameters live; <see cref="Devices.Default"/> by default.</param>
    public Mlp(IReadOnlyList<int> sizes, Func<nn.Module<Tensor, Tensor>>? activation = null, double dropout = 0, Device? device = null)
        : base(nameof(Mlp))
    {
        ArgumentNullException.ThrowIfNull(sizes);
        if (sizes.Count < 2 || sizes.Any(s => s < 1))
            throw new ArgumentException($"Expected at least two positive layer sizes (inputs and outputs), got [{string.Join(", ", sizes)}].", nameof(sizes));
        if (dropout is < 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(dropout), dropout, "Expected a dropout probability in [0, 1).");
        activation ??= () => nn.ReLU();
        inputSize = sizes[0];
        for (int l = 1; l < sizes.Count; l++)
        {
            Add($"linear{l}", nn.Linear(sizes[l - 1], sizes[l]));
            if (l == sizes.Count - 1) break;
            var phi = activation();
            Add($"{phi.GetType().Name.ToLowerInvariant()}{l}", phi);
            if (dropout > 0) Add($"dropout{l}", nn.Dropout(dropout));
        }
        this.to(device ?? Devices.Default);
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        Shapes.Require(input, "input", "batch", inputSize);
        var x = input;
        foreach (var layer in layers) x = layer.call(x);
        return x;
    }

    /// <summary>
    /// h_{L−1}, the activations of the last hidden layer (after its activation and dropout): what the output
    /// layer sees. Transfer learning keeps them as features and trains a new output layer on top (chapter 08).
    /// </summary>
    public Tensor LastHidden(Tensor input)
    {
        Shapes.Require(input, "input", "batch", inputSize);
        var x = input;
        foreach (var layer in layers.SkipLast(1)) x = layer.call(x);
        return x;
    }

    /// <summary>Registers a layer under its own name (state_dict keys linear1.weight, …) and keeps it in order.</summary>
    void Add(string name, nn.Module<Tensor, Tensor> layer)
    {
        register_module(name, layer);
        layers.Add(layer);
    }
}
