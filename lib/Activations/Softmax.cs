using static TorchSharp.torch;

namespace Book.Activations;

/// <summary>
/// Softmax over the last dimension, chapter 5: turns a vector of scores into a probability vector,
/// <code>s_i = e^(z_i − max z) / Σ_j e^(z_j − max z)</code>
/// (subtracting max z changes nothing mathematically and prevents overflow). It is not element-wise:
/// every output depends on every input, through the Jacobian
/// <code>∂s_i/∂z_j = s_i·(δ_ij − s_j),   i.e.  J = diag(s) − s·sᵀ</code>
/// so backpropagation is ∂J/∂z = s ⊙ (g − (g·s)), with g = ∂J/∂s, without building J.
/// </summary>
public sealed class Softmax : Activation
{
    /// <summary>A softmax over the last dimension.</summary>
    public Softmax() : base(nameof(Softmax)) { }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        var e = (input - input.amax(new long[] { -1 }, keepdim: true)).exp();
        return e / e.sum(-1, keepdim: true);
    }

    /// <summary>The Jacobian diag(s) − s·sᵀ: shape [..., n, n] for input [..., n].</summary>
    public Tensor Jacobian(Tensor input)
    {
        var s = forward(input);
        return s.diag_embed() - s.unsqueeze(-1) * s.unsqueeze(-2);
    }

    /// <inheritdoc />
    public override Tensor Backward(Tensor input, Tensor outputGradient)
    {
        CheckSameShape(input, outputGradient);
        var s = forward(input);
        return s * (outputGradient - (outputGradient * s).sum(-1, keepdim: true));
    }
}
