using TorchSharp;
using static TorchSharp.torch;

namespace Book.Activations;

/// <summary>
/// An activation function as chapter 5 teaches it: the forward map a = f(z) and, for backpropagation
/// (chapter 6), the vector–Jacobian product ∂J/∂z = (∂a/∂z)ᵀ·∂J/∂a computed by hand in
/// <see cref="Backward"/>. TorchSharp's autograd computes the same thing; the tests check that it does.
/// </summary>
public abstract class Activation : nn.Module<Tensor, Tensor>
{
    /// <param name="name">The module's name, e.g. "ReLU".</param>
    protected Activation(string name) : base(name) { }

    /// <summary>∂J/∂z given z (<paramref name="input"/>) and ∂J/∂a (<paramref name="outputGradient"/>), same shape.</summary>
    public abstract Tensor Backward(Tensor input, Tensor outputGradient);

    /// <summary>Throws unless the upstream gradient has the input's shape.</summary>
    protected static void CheckSameShape(Tensor input, Tensor outputGradient)
    {
        if (!input.shape.SequenceEqual(outputGradient.shape))
            throw new ArgumentException($"Expected the output gradient to have the input's shape [{string.Join(", ", input.shape)}], got [{string.Join(", ", outputGradient.shape)}].", nameof(outputGradient));
    }
}
