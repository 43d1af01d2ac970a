using Book.Data;
using Book.Tensors;
using TorchSharp;
using static TorchSharp.torch;

namespace Book.Models;

/// <summary>
/// A <see cref="Standardizer"/> as the first layer of a model (chapter 07; Keras calls it
/// <c>Normalization</c>): z = (x − μ) / σ with the training set's μ and σ kept as buffers — saved and
/// loaded with the weights by <see cref="Training.Checkpoint"/>, never changed by training. A model
/// saved with its preprocessing inside takes raw measurements when it is reloaded for serving; one
/// saved without it silently gets inputs on the wrong scale.
/// </summary>
public sealed class Standardization : nn.Module<Tensor, Tensor>
{
    /// <summary>The layer of a fitted standardizer (copies of its μ and σ).</summary>
    public Standardization(Standardizer standardizer) : base(nameof(Standardization))
    {
        ArgumentNullException.ThrowIfNull(standardizer);
        register_buffer("mean", standardizer.Mean.detach().clone());
        register_buffer("std", standardizer.Std.detach().clone());
    }

    /// <summary>A layer for rows of <paramref name="features"/> values with μ = 0 and σ = 1, to load saved buffers into.</summary>
    public Standardization(int features) : base(nameof(Standardization))
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(features, 1);
        register_buffer("mean", zeros(features));
        register_buffer("std", ones(features));
    }

    /// <summary>μ, one value per feature.</summary>
    public Tensor Mean => get_buffer("mean")!;

    /// <summary>σ, one value per feature.</summary>
    public Tensor Std => get_buffer("std")!;

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        Shapes.Require(input, "input", "batch", Mean.shape[0]);
        return (input - Mean) / Std;
    }
}
