using static TorchSharp.torch;

namespace Book.Activations;

/// <summary>
/// The rectified linear unit, chapter 5:
/// <code>ReLU(z) = max(0, z),   ReLU′(z) = 1 if z &gt; 0, else 0</code>
/// It does not saturate for positive inputs, so gradients pass unchanged through active units; a
/// unit whose input stays negative gets no gradient at all ("dead"). At z = 0 the derivative is taken
/// as 0, as PyTorch does.
/// </summary>
public sealed class ReLU : ElementwiseActivation
{
    /// <summary>A ReLU module.</summary>
    public ReLU() : base(nameof(ReLU)) { }

    /// <inheritdoc />
    public override Tensor forward(Tensor input) => input.clamp_min(0);

    /// <inheritdoc />
    public override Tensor Derivative(Tensor input) => (input > 0).to_type(input.dtype);
}
