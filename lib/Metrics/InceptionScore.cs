using Book.Tensors;
using static TorchSharp.torch;

namespace Book.Metrics;

/// <summary>
/// The Inception score of Salimans et al. (2016), with any trained classifier in place of the Inception
/// network (chapter 11 uses a digit classifier): with p(y|x) the classifier's class probabilities for a
/// generated sample x and p(y) their mean over all samples,
/// <code>IS = exp( mean over x of KL( p(y|x) ‖ p(y) ) ).</code>
/// It is high when every sample is classified confidently (each p(y|x) is peaked) and the samples are
/// spread over the classes (p(y) is flat); it lies between 1 and the number of classes K, and reaches K
/// only for confident samples spread evenly over all K classes. A generator that collapsed onto a few
/// classes scores at most that many.
/// </summary>
public static class InceptionScore
{
    /// <summary>The score of samples whose class probabilities are <paramref name="probabilities"/> [N, K] (rows sum to 1).</summary>
    public static double FromProbabilities(Tensor probabilities)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        Shapes.Require(probabilities, "probabilities", "samples", "classes");
        using var scope = NewDisposeScope();
        var p = probabilities.detach().cpu().to_type(ScalarType.Float64).clamp_min(1e-12);
        var marginal = p.mean([0], keepdim: true);
        var divergence = (p * (p.log() - marginal.log())).sum(1);
        return Math.Exp(divergence.mean().item<double>());
    }
}
