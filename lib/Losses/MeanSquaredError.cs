using Book.Tensors;
using static TorchSharp.torch;

namespace Book.Losses;

/// <summary>
/// Mean squared error, the regression loss of chapter 03 (Loss functions):
/// MSE = (1/n) Σᵢ (ŷᵢ − yᵢ)², with gradient ∂MSE/∂ŷᵢ = (2/n)(ŷᵢ − yᵢ).
/// Squaring makes large errors count much more than small ones — and makes outliers dominate.
/// </summary>
public static class MeanSquaredError
{
    /// <summary>The loss of <paramref name="prediction"/> against <paramref name="target"/> (same shape).</summary>
    public static Tensor Of(Tensor prediction, Tensor target, Reduction reduction = Reduction.Mean)
    {
        Shapes.RequireSame(prediction, target, "prediction", nameof(target));
        return reduction.Apply((prediction - target).square());
    }
}
