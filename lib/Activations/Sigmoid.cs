using static TorchSharp.torch;

namespace Book.Activations;

/// <summary>
/// The logistic sigmoid, chapter 5:
/// <code>σ(z) = 1 / (1 + e^(−z)),   σ′(z) = σ(z)·(1 − σ(z))</code>
/// Its output is in (0, 1), so it reads as a probability; its derivative is at most ¼ (at z = 0), so a
/// chain of sigmoids multiplies gradients by ≤ ¼ per layer: the vanishing gradient.
/// Computed as e^(z)/(1+e^(z)) for negative z so that large |z| never overflows.
/// </summary>
public sealed class Sigmoid : ElementwiseActivation
{
    /// <summary>A sigmoid module.</summary>
    public Sigmoid() : base(nameof(Sigmoid)) { }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        var e = (-input.abs()).exp();
        return where(input >= 0, 1 / (1 + e), e / (1 + e));
    }

    /// <inheritdoc />
    public override Tensor Derivative(Tensor input)
    {
        var s = forward(input);
        return s * (1 - s);
    }
}
