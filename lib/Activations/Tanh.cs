using static TorchSharp.torch;

namespace Book.Activations;

/// <summary>
/// The hyperbolic tangent, chapter 5:
/// <code>tanh(z) = (e^z − e^(−z)) / (e^z + e^(−z)) = 2σ(2z) − 1,   tanh′(z) = 1 − tanh²(z)</code>
/// Zero-centred with output in (−1, 1) and slope 1 at the origin; it still saturates for large |z|.
/// Computed as −expm1(−2|z|) / (2 + expm1(−2|z|)) with the sign of z, where expm1(u) = e^u − 1 is
/// evaluated without cancellation: it never overflows, and for tiny z it keeps full relative precision
/// (the plain (1 − e^(−2|z|)) / (1 + e^(−2|z|)) rounds to exactly 0 in float32 below |z| ≈ 3·10⁻⁸).
/// </summary>
public sealed class Tanh : ElementwiseActivation
{
    /// <summary>A tanh module.</summary>
    public Tanh() : base(nameof(Tanh)) { }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        var e = (-2 * input.abs()).expm1();
        return input.sign() * -e / (2 + e);
    }

    /// <inheritdoc />
    public override Tensor Derivative(Tensor input)
    {
        var t = forward(input);
        return 1 - t * t;
    }
}
