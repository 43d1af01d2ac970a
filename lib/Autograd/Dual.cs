using System.Globalization;

namespace Book.Autograd;

/// <summary>
/// A dual number a + ȧ·ε with ε² = 0, chapter 6: forward-mode automatic differentiation. Carrying the
/// derivative ȧ = da/dx along with every value, each operation applies its rule forward,
/// <code>(a + ȧε)·(b + ḃε) = ab + (ȧb + aḃ)ε,     f(a + ȧε) = f(a) + f′(a)·ȧ·ε</code>
/// so one evaluation of a formula with x seeded as <see cref="Variable"/> (ẋ = 1) yields f(x) and df/dx.
/// One pass gives the derivative with respect to ONE input — a function of N inputs needs N passes —
/// whereas reverse mode (<see cref="Value"/>) gives the derivatives with respect to all inputs in one
/// backward pass. The operations are those of <see cref="Value"/>, with the same derivative rules.
/// </summary>
/// <param name="Value">a, the number.</param>
/// <param name="Derivative">ȧ, its derivative with respect to the seeded input.</param>
public readonly record struct Dual(double Value, double Derivative)
{
    /// <summary>The input we differentiate with respect to: x + 1·ε.</summary>
    public static Dual Variable(double value) => new(value, 1);

    /// <summary>A number that does not depend on the seeded input: c + 0·ε.</summary>
    public static implicit operator Dual(double constant) => new(constant, 0);

    /// <summary>(a + b)′ = ȧ + ḃ.</summary>
    public static Dual operator +(Dual a, Dual b) => new(a.Value + b.Value, a.Derivative + b.Derivative);

    /// <summary>(a − b)′ = ȧ − ḃ.</summary>
    public static Dual operator -(Dual a, Dual b) => new(a.Value - b.Value, a.Derivative - b.Derivative);

    /// <summary>(−a)′ = −ȧ.</summary>
    public static Dual operator -(Dual a) => new(-a.Value, -a.Derivative);

    /// <summary>(a·b)′ = ȧb + aḃ.</summary>
    public static Dual operator *(Dual a, Dual b) => new(a.Value * b.Value, a.Derivative * b.Value + a.Value * b.Derivative);

    /// <summary>(a/b)′ = (ȧb − aḃ)/b².</summary>
    public static Dual operator /(Dual a, Dual b) =>
        new(a.Value / b.Value, (a.Derivative * b.Value - a.Value * b.Derivative) / (b.Value * b.Value));

    /// <summary>(aᵏ)′ = k·aᵏ⁻¹·ȧ for a constant k.</summary>
    public Dual Pow(double exponent) => new(Math.Pow(Value, exponent), exponent * Math.Pow(Value, exponent - 1) * Derivative);

    /// <summary>(eᵃ)′ = eᵃ·ȧ.</summary>
    public Dual Exp() => new(Math.Exp(Value), Math.Exp(Value) * Derivative);

    /// <summary>(ln a)′ = ȧ/a.</summary>
    public Dual Log() => new(Math.Log(Value), Derivative / Value);

    /// <summary>(tanh a)′ = (1 − tanh²a)·ȧ.</summary>
    public Dual Tanh()
    {
        double t = Math.Tanh(Value);
        return new(t, (1 - t * t) * Derivative);
    }

    /// <summary>σ(a)′ = σ(a)(1 − σ(a))·ȧ.</summary>
    public Dual Sigmoid()
    {
        double s = 1 / (1 + Math.Exp(-Value));
        return new(s, s * (1 - s) * Derivative);
    }

    /// <summary>max(0, a)′ = ȧ if a &gt; 0, else 0.</summary>
    public Dual Relu() => Value > 0 ? this : new(0, 0);

    /// <summary>E.g. <c>-0.7000 + 1.5000ε</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Value:F4} {(Derivative < 0 ? "−" : "+")} {Math.Abs(Derivative):F4}ε");
}
