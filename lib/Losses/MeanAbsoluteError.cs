using Book.Tensors;
using static TorchSharp.torch;

namespace Book.Losses;

/// <summary>
/// Mean absolute error (chapter 03): MAE = (1/n) Σᵢ |ŷᵢ − yᵢ|, gradient (1/n)·sign(ŷᵢ − yᵢ).
/// Every error pulls with the same force, so an outlier cannot dominate; the price is a kink at 0.
/// </summary>
public static class MeanAbsoluteError
{
    /// <summary>The loss of <paramref name="prediction"/> against <paramref name="target"/> (same shape).</summary>
    public static Tensor Of(Tensor prediction, Tensor target, Reduction reduction = Reduction.Mean)
    {
        Shapes.RequireSame(prediction, target, "prediction", nameof(target));
        return reduction.Apply((prediction - target).abs());
    }
}
