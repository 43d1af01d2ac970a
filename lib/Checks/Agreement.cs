using static TorchSharp.torch;

namespace Book.Checks;

/// <summary>
/// Two computations of the same quantity — a from-scratch formula and TorchSharp's own, autograd and
/// a hand-derived gradient, an analytic derivative and a finite difference — agree. Their difference is
/// rounding noise whose digits change with the processor (libtorch picks different CPU kernels on
/// different machines), so a chapter never prints those digits: it prints the bound and a check mark,
/// <c>max |difference| &lt; 1e-12 ✓</c>, and the cell fails with both numbers when the bound is broken.
/// <para>
/// Pick the bound from the arithmetic, not from one run: about 1e-12 for float64 computations of a few
/// operations, 1e-5 for float32, the finite-difference error for a numerical derivative (chapter 6).
/// </para>
/// </summary>
public static class Agreement
{
    /// <summary>
    /// max |a − b| over all elements, which must be below <paramref name="bound"/>:
    /// returns <c>"max |difference| &lt; bound ✓"</c>, or throws <see cref="CheckFailedException"/>.
    /// </summary>
    public static string Within(Tensor a, Tensor b, double bound)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (!a.shape.SequenceEqual(b.shape))
            throw new ArgumentException($"Agreement.Within compares tensors of one shape, got [{string.Join(", ", a.shape)}] and [{string.Join(", ", b.shape)}].");
        using var scope = NewDisposeScope();
        double difference = a.numel() == 0 ? 0 : (a.to(float64) - b.to(float64)).abs().max().item<double>();
        return Within(difference, bound, "max |difference|");
    }

    /// <summary>
    /// |a − b| for two numbers, which must be below <paramref name="bound"/>:
    /// returns <c>"|difference| &lt; bound ✓"</c>, or throws <see cref="CheckFailedException"/>.
    /// </summary>
    public static string Within(double a, double b, double bound) => Within(Math.Abs(a - b), bound, "|difference|");

    /// <summary>
    /// The relative error |a − b| / max(|a|, |b|, tiny) of a gradient check, which must be below
    /// <paramref name="bound"/>: returns <c>"relative error &lt; bound ✓"</c>, or throws.
    /// </summary>
    public static string Relative(double a, double b, double bound)
    {
        double scale = Math.Max(Math.Max(Math.Abs(a), Math.Abs(b)), 1e-300);
        return Within(Math.Abs(a - b) / scale, bound, "relative error");
    }

    /// <summary>A difference already computed (e.g. by a gradient check), named as the chapter calls it.</summary>
    public static string Within(double difference, double bound, string name)
    {
        if (!(bound > 0)) throw new ArgumentOutOfRangeException(nameof(bound), bound, "A bound is a positive number.");
        if (double.IsNaN(difference) || Math.Abs(difference) >= bound)
            throw new CheckFailedException($"expected {name} below {Bounds.Format(bound)}, got {Bounds.Value(difference)}.");
        return $"{name} < {Bounds.Format(bound)} ✓";
    }
}
