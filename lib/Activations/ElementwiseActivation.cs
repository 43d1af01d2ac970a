using static TorchSharp.torch;

namespace Book.Activations;

/// <summary>
/// An activation applied to each number on its own, a_i = f(z_i), chapter 5. Its Jacobian is diagonal,
/// so backpropagation is an element-wise product with the derivative:
/// <code>∂J/∂z_i = f′(z_i) · ∂J/∂a_i</code>
/// </summary>
public abstract class ElementwiseActivation : Activation
{
    /// <param name="name">The module's name.</param>
    protected ElementwiseActivation(string name) : base(name) { }

    /// <summary>f′(z), element by element.</summary>
    public abstract Tensor Derivative(Tensor input);

    /// <inheritdoc />
    public override Tensor Backward(Tensor input, Tensor outputGradient)
    {
        CheckSameShape(input, outputGradient);
        return Derivative(input) * outputGradient;
    }
}
