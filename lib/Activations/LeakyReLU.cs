using static TorchSharp.torch;

namespace Book.Activations;

/// <summary>
/// The leaky rectified linear unit (Maas, Hannun &amp; Ng, 2013), chapter 5: ReLU with a small slope α
/// for negative inputs, so a unit whose input is negative still passes a gradient back and can recover:
/// <code>LeakyReLU(z) = z if z &gt; 0, else α·z,    LeakyReLU′(z) = 1 if z &gt; 0, else α</code>
/// With α = 0 it is <see cref="ReLU"/>, whose units can "die" (no gradient for any input). The usual α is
/// 0.01. Matches <c>torch.nn.functional.leaky_relu</c>, including the derivative α at z = 0.
/// </summary>
public sealed class LeakyReLU : ElementwiseActivation
{
    /// <summary>A leaky ReLU with negative slope <paramref name="negativeSlope"/>.</summary>
    /// <param name="negativeSlope">α in [0, 1).</param>
    public LeakyReLU(double negativeSlope = 0.01) : base(nameof(LeakyReLU))
    {
        if (negativeSlope is < 0 or >= 1 || double.IsNaN(negativeSlope))
            throw new ArgumentOutOfRangeException(nameof(negativeSlope), negativeSlope, $"Expected a negative slope α in [0, 1), got {negativeSlope}.");
        NegativeSlope = negativeSlope;
    }

    /// <summary>α, the slope for negative inputs.</summary>
    public double NegativeSlope { get; }

    /// <inheritdoc />
    public override Tensor forward(Tensor input) => where(input > 0, input, NegativeSlope * input);

    /// <inheritdoc />
    public override Tensor Derivative(Tensor input) =>
        where(input > 0, ones_like(input), full_like(input, NegativeSlope));
}
