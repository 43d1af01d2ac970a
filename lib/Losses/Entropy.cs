using Book.Tensors;
using static TorchSharp.torch;

namespace Book.Losses;

/// <summary>
/// Shannon entropy (chapter 03), the average surprise −log pⱼ of outcomes drawn from a distribution p,
/// in nats (natural logarithm):
/// <code>H(p) = −Σⱼ pⱼ log pⱼ      (0 · log 0 = 0)</code>
/// It is 0 for a certain outcome and log C for the uniform distribution over C outcomes. Cross-entropy
/// splits into it and the KL divergence: CE(p, q) = H(p) + KL(p‖q), so H(p) is the smallest cross-entropy
/// any model q can reach on targets distributed as p.
/// </summary>
public static class Entropy
{
    /// <summary>H of each distribution along the last dimension of <paramref name="probabilities"/> ([C] or [n, C]).</summary>
    public static Tensor Of(Tensor probabilities, Reduction reduction = Reduction.Mean)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        if (probabilities.dim() is < 1 or > 2)
            throw new ArgumentException($"Expected one distribution [classes] or a batch [samples, classes], got {Shapes.Of(probabilities)}.", nameof(probabilities));
        return reduction.Apply(-xlogy(probabilities, probabilities).sum(-1));
    }
}
