using static TorchSharp.torch;

namespace Book.Activations;

/// <summary>
/// The hyperbolic tangent, chapter 5:
/// <code>tanh(z) = (e^z − e^(−z)) / (e^z + e^(−z)) = 2σ(2z) − 1,   tanh′(z) = 1 − tanh²(z)</code>
/// Zero-centred with output in (−1, 1) and slope 1 at the origin; it still saturates for large |z|.
/// Computed as (1 − e^(−2|z|)) / (1 + e^(−2|z|)) with the sign of z, which never overflows.
/// </summary>
public sealed class Tanh : ElementwiseActivation
{
    /// <summary>A tanh module.</summary>
    public Tanh() : base(nameof(Tanh)) { }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        var e = (-2 * input.abs()).exp();
        return input.sign() * (1 - e) / (1 + e);
    }

    /// <inheritdoc />
    public override Tensor Derivative(Tensor input)
    {
        var t = forward(input);
        return 1 - t * t;
    }
}
