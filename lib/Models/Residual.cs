using Book.Tensors;
using TorchSharp;
using static TorchSharp.torch;

namespace Book.Models;

/// <summary>
/// A residual connection (He et al., 2016, "Deep Residual Learning"), chapter 5: the block adds its
/// input to what its branch computes,
/// <code>h_{l+1} = h_l + F(h_l),     ∂h_{l+1}/∂h_l = I + ∂F/∂h_l</code>
/// The identity term gives the gradient a path from the loss to every layer that no weight multiplies,
/// so it cannot vanish with depth however small ∂F/∂h is; and a block whose branch outputs 0 is the
/// identity, so adding blocks can never make the network worse at the start. With a normalisation
/// layer first in the branch (F = W·φ(LN(h)), "pre-norm") this is the block of every transformer.
/// </summary>
public sealed class Residual : nn.Module<Tensor, Tensor>
{
    readonly nn.Module<Tensor, Tensor> branch;

    /// <param name="branch">F, which must return a tensor of its input's shape.</param>
    public Residual(nn.Module<Tensor, Tensor> branch) : base(nameof(Residual))
    {
        this.branch = branch ?? throw new ArgumentNullException(nameof(branch));
        register_module("branch", branch);
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        var output = branch.call(input);
        if (!output.shape.SequenceEqual(input.shape))
            throw new InvalidOperationException($"A residual branch must keep its input's shape {Shapes.Of(input)}, got {Shapes.Of(output)}.");
        return input + output;
    }
}
