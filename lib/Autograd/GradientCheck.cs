using TorchSharp;
using static TorchSharp.torch;

namespace Book.Autograd;

/// <summary>
/// Gradient checking, chapter 6: the derivative of a scalar function J at x, element by element, by
/// central finite differences,
/// <code>∂J/∂x_i ≈ (J(x + h·e_i) − J(x − h·e_i)) / (2h)</code>
/// whose error is O(h²) (one-sided differences are only O(h)). Computed in float64 with h = 1e-6, the
/// estimate agrees with a correct analytic gradient to about 1e-9 relative, and with a wrong one
/// (a missing chain-rule factor, a flipped sign) not at all. <see cref="Check"/> compares every input's
/// autograd gradient with it.
/// </summary>
public static class GradientCheck
{
    /// <summary>∂J/∂x by central differences (float64, shape of <paramref name="x"/>).</summary>
    /// <param name="function">J: a tensor function returning one number.</param>
    /// <param name="x">The point; not modified.</param>
    /// <param name="step">h.</param>
    public static Tensor Numerical(Func<Tensor, Tensor> function, Tensor x, double step = 1e-6)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(x);
        if (!(step > 0)) throw new ArgumentOutOfRangeException(nameof(step), step, $"Expected h > 0, got {step}.");
        using var noGrad = no_grad();
        var point = x.detach().to_type(ScalarType.Float64).clone();
        var flat = point.view(-1);
        var gradient = zeros_like(point);
        var flatGradient = gradient.view(-1);
        for (long i = 0; i < flat.shape[0]; i++)
        {
            using var scope = NewDisposeScope();
            double original = flat[i].item<double>();
            flat[i] = original + step;
            double plus = Scalar(function(point));
            flat[i] = original - step;
            double minus = Scalar(function(point));
            flat[i] = original;
            flatGradient[i] = (plus - minus) / (2 * step);
        }
        return gradient;
    }

    /// <summary>
    /// Compares autograd's gradient of J with respect to every input against central differences.
    /// The inputs are copied to float64 leaves; the originals are not changed.
    /// </summary>
    /// <param name="function">J of all inputs, returning one number.</param>
    /// <param name="inputs">Named inputs, e.g. <c>("W1", w1), ("b1", b1)</c>.</param>
    public static GradientCheckReport Check(Func<Tensor[], Tensor> function, params (string Name, Tensor Value)[] inputs)
    {
        ArgumentNullException.ThrowIfNull(function);
        if (inputs.Length == 0) throw new ArgumentException("Expected at least one input to check, got none.", nameof(inputs));
        var leaves = inputs.Select(input => input.Value.detach().to_type(ScalarType.Float64).clone().requires_grad_(true)).ToArray();
        var automatic = torch.autograd.grad(new[] { function(leaves) }, leaves, allow_unused: true);
        var rows = new List<GradientComparison>();
        for (int k = 0; k < leaves.Length; k++)
        {
            int which = k;
            var numerical = Numerical(x => function(leaves.Select((leaf, j) => j == which ? x : leaf.detach()).ToArray()), leaves[k]);
            var analytic = automatic[k] is { } g && !g.IsInvalid ? g.detach() : zeros_like(numerical);
            rows.Add(Compare(inputs[k].Name, analytic, numerical));
        }
        return new GradientCheckReport(rows);
    }

    /// <summary>How far an analytic gradient (a formula, autograd, a book's claim) is from a numerical one.</summary>
    public static GradientComparison Compare(string name, Tensor analytic, Tensor numerical)
    {
        if (!analytic.shape.SequenceEqual(numerical.shape))
            throw new ArgumentException($"Expected the analytic gradient of {name} to have the numerical gradient's shape [{string.Join(", ", numerical.shape)}], got [{string.Join(", ", analytic.shape)}].", nameof(analytic));
        using var scope = NewDisposeScope();
        var a = analytic.to_type(ScalarType.Float64);
        var n = numerical.to_type(ScalarType.Float64);
        var difference = (a - n).abs();
        var scale = maximum(a.abs(), n.abs()).clamp_min(1e-8);
        return new GradientComparison(name, analytic.shape.ToArray(), n.abs().max().item<double>(),
            difference.max().item<double>(), (difference / scale).max().item<double>());
    }

    static double Scalar(Tensor value)
    {
        if (value.numel() != 1)
            throw new ArgumentException($"Expected the function to return one number, got shape [{string.Join(", ", value.shape)}].");
        return value.item<double>();
    }
}
