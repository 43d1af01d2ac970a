using Book.Tensors;
using Book.Runtime;
using static TorchSharp.torch;

namespace Book.Attention;

/// <summary>
/// Scaled dot-product attention (chapter 10): Attention(Q, K, V) = softmax(QKᵀ / √d_k + M) V.
/// Each query row scores every key by a dot product, the scores are divided by √d_k so their spread
/// does not grow with the vector length, a softmax over the keys turns each row into weights that sum
/// to 1, and the output is the weighted mean of the value rows.
/// M is the mask: a boolean mask keeps the positions marked true (false becomes −∞ before the softmax,
/// weight 0) — the convention of <c>torch.nn.functional.scaled_dot_product_attention</c>; a float mask
/// is added to the scores as it is. Causal attention masks every key after the query's own position.
/// Shapes: Q [..., T_q, d_k], K [..., T_k, d_k], V [..., T_k, d_v] → output [..., T_q, d_v], weights [..., T_q, T_k].
/// </summary>
public static class ScaledDotProductAttention
{
    /// <summary>The attention output and the weights softmax(QKᵀ/√d_k + M) that produced it.</summary>
    /// <param name="mask">Boolean (true = may attend) or additive float mask, broadcastable to [..., T_q, T_k]; null for none.</param>
    /// <param name="causal">Whether query i may only attend to keys j ≤ i.</param>
    /// <param name="dropout">Probability of zeroing an attention weight (training only); 0 for none.</param>
    public static (Tensor Output, Tensor Weights) Apply(Tensor query, Tensor key, Tensor value, Tensor? mask = null, bool causal = false, double dropout = 0)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        CheckShapes(query, key, value);
        long dk = query.shape[^1];
        var scores = query.matmul(key.transpose(-2, -1)) / Math.Sqrt(dk);
        if (causal)
        {
            using var allowed = ones(query.shape[^2], key.shape[^2], dtype: ScalarType.Bool, device: query.device).tril();
            scores = scores.masked_fill(allowed.logical_not(), double.NegativeInfinity);
        }
        if (mask is not null)
            scores = mask.dtype == ScalarType.Bool ? scores.masked_fill(mask.logical_not(), double.NegativeInfinity) : scores + mask;
        var weights = nn.functional.softmax(scores, -1);
        if (dropout > 0) weights = nn.functional.dropout(weights, dropout, training: true);
        return (weights.matmul(value), weights);
    }

    static void CheckShapes(Tensor query, Tensor key, Tensor value)
    {
        if (query.dim() < 2 || key.dim() != query.dim() || value.dim() != query.dim())
            throw new ArgumentException(
                $"Expected query, key and value with the same number (≥ 2) of dimensions, got {Shapes.Of(query.shape)}, {Shapes.Of(key.shape)} and {Shapes.Of(value.shape)}.");
        if (key.shape[^1] != query.shape[^1])
            throw new ArgumentException($"Expected keys of the queries' size d_k = {query.shape[^1]}, got key of shape {Shapes.Of(key.shape)}.");
        if (value.shape[^2] != key.shape[^2])
            throw new ArgumentException(
                $"Expected one value per key ({key.shape[^2]}), got value of shape {Shapes.Of(value.shape)} for key of shape {Shapes.Of(key.shape)}.");
    }
}
