using static TorchSharp.torch;

namespace Book.Activations;

/// <summary>
/// The Gaussian error linear unit (Hendrycks &amp; Gimpel, 2016), chapter 5, in its exact erf form,
/// the activation of BERT and GPT feed-forward layers:
/// <code>
/// GELU(z)  = z·Φ(z),   Φ(z) = ½(1 + erf(z/√2))       (Φ: the standard normal CDF)
/// GELU′(z) = Φ(z) + z·φ(z),   φ(z) = e^(−z²/2)/√(2π)  (φ: the standard normal density)
/// </code>
/// A smooth ReLU: ≈ z for large z, ≈ 0 for very negative z, slightly negative in between
/// (minimum ≈ −0.17 near z ≈ −0.75).
/// </summary>
public sealed class GELU : ElementwiseActivation
{
    /// <summary>A GELU module (exact form, not the tanh approximation).</summary>
    public GELU() : base(nameof(GELU)) { }

    /// <inheritdoc />
    public override Tensor forward(Tensor input) => input * NormalCdf(input);

    /// <inheritdoc />
    public override Tensor Derivative(Tensor input) =>
        NormalCdf(input) + input * (-0.5 * input * input).exp() / Math.Sqrt(2 * Math.PI);

    static Tensor NormalCdf(Tensor z) => 0.5 * (1 + (z / Math.Sqrt(2)).erf());
}
