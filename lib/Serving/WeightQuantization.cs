using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Book.Serving;

/// <summary>
/// Weight-only int8 quantisation (chapter 12). Each linear layer's weight W, one row per output unit, is stored as
/// whole numbers q ∈ [−127, 127] with one float scale per row: s_r = max_j |W_rj| / 127, q_rj = round(W_rj / s_r),
/// so W ≈ s_r·q — 1 byte per weight instead of 4, plus 4 bytes per row. The rounding error of a weight is at most
/// s_r / 2. TorchSharp offers the storage on the CPU (<c>quantize_per_channel</c> to <c>qint8</c>, <c>dequantize</c>)
/// but no int8 matrix product for linear layers, so <see cref="Int8"/> writes the dequantised values s_r·q back
/// into the model: it computes exactly what an int8 model computes, and shows what the smaller storage costs in
/// accuracy. Biases, embeddings and layer norms stay in float32 (they are a small share of the parameters).
/// </summary>
public static class WeightQuantization
{
    /// <summary>Quantises every linear weight of <paramref name="model"/> in place and reports what it saved and changed.</summary>
    public static QuantizationReport Int8(nn.Module model)
    {
        ArgumentNullException.ThrowIfNull(model);
        long weights = 0, rows = 0;
        double maxError = 0;
        using var noGrad = no_grad();
        foreach (var (_, module) in model.named_modules())
        {
            if (module is not Linear { weight: { } w } || w.dtype != ScalarType.Float32) continue;
            using var scope = NewDisposeScope();
            var scales = (w.abs().amax(new long[] { 1 }) / 127.0).clamp_min(1e-12).to_type(ScalarType.Float64);
            var zeroPoints = zeros(w.shape[0], dtype: ScalarType.Int64);
            var restored = quantize_per_channel(w, scales, zeroPoints, 0, ScalarType.QInt8).dequantize();
            maxError = Math.Max(maxError, (restored - w).abs().max().item<float>());
            w.copy_(restored);
            weights += w.numel();
            rows += w.shape[0];
        }
        if (weights == 0) throw new ArgumentException("Expected a model with float32 linear layers, found none.", nameof(model));
        long all = model.parameters().Sum(p => p.numel());
        return new QuantizationReport(all, weights, 4 * all, 4 * (all - weights) + weights + 4 * rows, maxError);
    }
}

/// <summary>What <see cref="WeightQuantization.Int8"/> did.</summary>
/// <param name="Parameters">All parameters of the model.</param>
/// <param name="QuantizedWeights">Those stored as int8 (the linear weights).</param>
/// <param name="Float32Bytes">The model's size with every parameter in float32.</param>
/// <param name="Int8Bytes">Its size with the linear weights in int8 and one float32 scale per row.</param>
/// <param name="MaxAbsoluteError">The largest |W − s·q| over all quantised weights.</param>
public sealed record QuantizationReport(long Parameters, long QuantizedWeights, long Float32Bytes, long Int8Bytes, double MaxAbsoluteError)
{
    /// <summary>Float32 size ÷ quantised size.</summary>
    public double Compression => (double)Float32Bytes / Int8Bytes;
}
