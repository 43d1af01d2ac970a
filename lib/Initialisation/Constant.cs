using System.Globalization;
using static TorchSharp.torch;

namespace Book.Initialisation;

/// <summary>
/// Constant initialisation, chapter 5: every weight w = c. Like <see cref="Zeros"/> (the case c = 0) it
/// cannot break the symmetry between the units of a layer: they compute the same output, receive the
/// same gradient and stay identical, so the layer behaves like one unit however wide it is. Chapter 5
/// trains with it to show exactly that.
/// </summary>
public sealed class Constant : Initialiser
{
    /// <param name="value">c, the value of every weight.</param>
    public Constant(double value) : base(Distribution.Normal)
    {
        if (!double.IsFinite(value)) throw new ArgumentOutOfRangeException(nameof(value), value, $"Expected a finite constant, got {value}.");
        Value = value;
    }

    /// <summary>c.</summary>
    public double Value { get; }

    /// <summary>A constant has no spread: σ = 0.</summary>
    public override double StandardDeviation(Fans fans) => 0;

    /// <summary>Sets every element of <paramref name="weight"/> to c (outside autograd).</summary>
    public override void Fill(Tensor weight)
    {
        ArgumentNullException.ThrowIfNull(weight);
        using var noGrad = no_grad();
        weight.fill_(Value);
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"Constant ({Value:G4})");
}
