using Book.Tensors;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Book.Normalisation;

/// <summary>
/// Layer normalisation (Ba, Kiros &amp; Hinton, 2016), chapter 5: each sample's features are rescaled to
/// mean 0 and variance 1, then given a learned scale γ and shift β,
/// <code>
/// μ = (1/d) Σⱼ xⱼ,   σ² = (1/d) Σⱼ (xⱼ − μ)²        over the d features of one sample
/// LN(x)ⱼ = γⱼ·(xⱼ − μ)/√(σ² + ε) + βⱼ               (γ = 1, β = 0 at the start)
/// </code>
/// Whatever scale the weights before it produce, the next layer sees inputs of scale about 1: the
/// activations can neither vanish nor explode with depth, and a poor initialisation matters far less.
/// It normalises each sample on its own (unlike batch normalisation, which uses statistics over the
/// batch), so it behaves the same in training and inference — the normalisation of every transformer.
/// Matches <c>torch.nn.LayerNorm</c>.
/// </summary>
public sealed class LayerNorm : nn.Module<Tensor, Tensor>
{
    /// <param name="features">d, the size of the last dimension.</param>
    /// <param name="epsilon">ε &gt; 0, keeps the division finite for constant inputs.</param>
    public LayerNorm(long features, double epsilon = 1e-5) : base(nameof(LayerNorm))
    {
        if (features < 1) throw new ArgumentOutOfRangeException(nameof(features), features, $"Expected at least one feature, got {features}.");
        if (!(epsilon > 0)) throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, $"Expected ε > 0, got {epsilon}.");
        Features = features;
        Epsilon = epsilon;
        register_parameter("weight", new Parameter(ones(features)));
        register_parameter("bias", new Parameter(zeros(features)));
    }

    /// <summary>d.</summary>
    public long Features { get; }

    /// <summary>ε.</summary>
    public double Epsilon { get; }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.dim() == 0 || input.shape[^1] != Features)
            throw new ArgumentException($"Expected inputs whose last dimension has {Features} features, got {Shapes.Of(input)}.", nameof(input));
        var mean = input.mean(new long[] { -1 }, keepdim: true);
        var variance = (input - mean).square().mean(new long[] { -1 }, keepdim: true);
        // γ and β are looked up by name, not kept in fields: module.to(dtype or device) replaces them.
        var (scale, shift) = (get_parameter("weight")!, get_parameter("bias")!);
        return scale * (input - mean) / (variance + Epsilon).sqrt() + shift;
    }
}
