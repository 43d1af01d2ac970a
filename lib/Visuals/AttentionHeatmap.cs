using Book.Tensors;
using Plotly.NET;
using static TorchSharp.torch;

namespace Book.Visuals;

/// <summary>
/// Attention weights softmax(QKᵀ/√d_k) as a heatmap: one row per query token, one column per key
/// token, each cell the weight (two decimals) the query gives the key; every row sums to 1.
/// Chapter 10 redraws the source article's example on 我喜欢吃苹果 with the weights actually computed.
/// </summary>
public static class AttentionHeatmap
{
    /// <summary>The heatmap of <paramref name="weights"/> <c>[queries, keys]</c>.</summary>
    public static GenericChart Plot(Tensor weights, IReadOnlyList<string> queryTokens, IReadOnlyList<string> keyTokens, string title = "Attention weights")
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.dim() != 2)
            throw new ArgumentException($"Expected attention weights [queries, keys], got {Shapes.Describe(weights)}; select one head and one batch item first.", nameof(weights));
        return AnnotatedHeatmap.Plot(Matrices.ToArray(weights), queryTokens, keyTokens, v => AnnotatedHeatmap.Fixed(v, 2),
            title, "key (attended to)", "query (attending)", range: (0, 1));
    }
}
