using TorchSharp;
using static TorchSharp.torch;

namespace Book.Initialisation;

/// <summary>
/// A weight-initialisation scheme, chapter 5: a mean-zero distribution whose standard deviation σ
/// depends on the layer's <see cref="Fans"/>. The whole point of Xavier and He is choosing σ so that
/// the variance of activations (forward) or gradients (backward) stays the same from layer to layer.
/// <para>Notation: N(μ, σ²) names the <b>variance</b> σ² as its second argument, not the standard
/// deviation σ. Writing "N(0, 1/√n_in)", as the source article does (seed 002 §4.3), therefore asks for
/// variance 1/√n_in, i.e. σ = n_in^(−1/4), which is far too large for wide layers. What is meant is
/// σ = 1/√n_in, i.e. variance 1/n_in: LeCun initialisation, N(0, 1/n_in).</para>
/// </summary>
public abstract class Initialiser
{
    /// <param name="distribution">Normal or uniform, with the same σ.</param>
    protected Initialiser(Distribution distribution) => Distribution = distribution;

    /// <summary>Whether samples are Gaussian or uniform.</summary>
    public Distribution Distribution { get; }

    /// <summary>σ for a weight with these fans.</summary>
    public abstract double StandardDeviation(Fans fans);

    /// <summary>σ² for a weight with these fans.</summary>
    public double Variance(Fans fans) => Math.Pow(StandardDeviation(fans), 2);

    /// <summary>Overwrites <paramref name="weight"/> in place with samples of the scheme (outside autograd).</summary>
    public virtual void Fill(Tensor weight)
    {
        double sigma = StandardDeviation(Fans.Of(weight));
        using var noGrad = no_grad();
        if (sigma == 0) weight.zero_();
        else if (Distribution == Distribution.Normal) weight.normal_(0, sigma);
        else weight.uniform_(-Math.Sqrt(3) * sigma, Math.Sqrt(3) * sigma);
    }

    /// <summary>
    /// Initialises every layer of <paramref name="model"/> that has a weight matrix (linear and convolution
    /// layers): the weight is filled by this scheme and the layer's bias, if any, set to 0. Layers whose
    /// weight is a vector (a normalisation layer's scale γ) are left as they are. Returns the model, so
    /// <c>He.Normal().Apply(new Mlp([8, 64, 1]))</c> builds and initialises in one expression.
    /// </summary>
    public T Apply<T>(T model) where T : nn.Module
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var layer in model.modules().Prepend(model))
        {
            var own = layer.named_parameters(recurse: false).ToDictionary(p => p.name, p => p.parameter);
            if (!own.TryGetValue("weight", out var weight) || weight.dim() < 2) continue;
            Fill(weight);
            if (own.TryGetValue("bias", out var bias))
                using (no_grad()) bias.zero_();
        }
        return model;
    }

    /// <summary>A new weight of shape [<paramref name="fanOut"/>, <paramref name="fanIn"/>] drawn from the scheme.</summary>
    public Tensor Sample(long fanOut, long fanIn, ScalarType dtype = ScalarType.Float32)
    {
        var weight = empty(new[] { fanOut, fanIn }, dtype);
        Fill(weight);
        return weight;
    }

    /// <summary>A name for tables and plots, e.g. "He (normal)".</summary>
    public override string ToString() => $"{GetType().Name} ({Distribution.ToString().ToLowerInvariant()})";
}
