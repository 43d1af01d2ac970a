using Book.Tensors;
using Book.Runtime;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Book.Attention;

/// <summary>
/// Multi-head attention (chapter 10): MultiHead(Q, K, V) = Concat(head₁, …, head_h) W_O with
/// headᵢ = Attention(Q W_Qᵢ, K W_Kᵢ, V W_Vᵢ). The model width d is split into h heads of d/h, each
/// attending on its own projection, so different heads can look at different positions; W_O mixes
/// them back. Written with its own projections (four d×d linear layers) around
/// <see cref="ScaledDotProductAttention"/>. Batch first: [batch, time, d].
/// </summary>
public sealed class MultiHeadAttention : nn.Module<Tensor, Tensor, Tensor, Tensor>
{
    readonly Linear W_q;
    readonly Linear W_k;
    readonly Linear W_v;
    readonly Linear W_o;

    /// <summary>Attention of <paramref name="heads"/> heads over vectors of <paramref name="modelWidth"/> = d numbers.</summary>
    /// <param name="dropout">Dropout on the attention weights during training.</param>
    public MultiHeadAttention(int modelWidth, int heads, double dropout = 0, Device? device = null) : base(nameof(MultiHeadAttention))
    {
        if (heads < 1 || modelWidth % heads != 0)
            throw new ArgumentException($"Expected a model width divisible by the number of heads, got {modelWidth} and {heads} heads.");
        (ModelWidth, Heads, Dropout) = (modelWidth, heads, dropout);
        W_q = nn.Linear(modelWidth, modelWidth);
        W_k = nn.Linear(modelWidth, modelWidth);
        W_v = nn.Linear(modelWidth, modelWidth);
        W_o = nn.Linear(modelWidth, modelWidth);
        RegisterComponents();
        this.to(device ?? Devices.Default);
    }

    /// <summary>d, the size of the vectors in and out.</summary>
    public int ModelWidth { get; }
    /// <summary>h, the number of heads; each works on d/h numbers.</summary>
    public int Heads { get; }
    /// <summary>Dropout probability on the attention weights (training only).</summary>
    public double Dropout { get; }

    /// <summary>Attention of <paramref name="query"/> [batch, T_q, d] over <paramref name="key"/>/<paramref name="value"/> [batch, T_k, d].</summary>
    public override Tensor forward(Tensor query, Tensor key, Tensor value) => Apply(query, key, value).Output;

    /// <summary>The output [batch, T_q, d] and every head's weights [batch, h, T_q, T_k].</summary>
    /// <param name="mask">As in <see cref="ScaledDotProductAttention"/>: boolean (true = may attend) or additive, broadcastable to [batch, h, T_q, T_k].</param>
    /// <param name="causal">Whether each position may only attend to itself and earlier ones.</param>
    public (Tensor Output, Tensor Weights) Apply(Tensor query, Tensor key, Tensor value, Tensor? mask = null, bool causal = false)
    {
        Shapes.Require(query, "query", "batch", "time", ModelWidth);
        Shapes.Require(key, "key", query.shape[0], "time", ModelWidth);
        Shapes.Require(value, "value", query.shape[0], key.shape[1], ModelWidth);
        var (output, weights) = ScaledDotProductAttention.Apply(
            SplitHeads(W_q.call(query)), SplitHeads(W_k.call(key)), SplitHeads(W_v.call(value)),
            mask, causal, training ? Dropout : 0);
        var joined = output.transpose(1, 2).reshape(query.shape[0], query.shape[1], ModelWidth);
        return (W_o.call(joined), weights);
    }

    /// <summary>Copies the projections of TorchSharp's <c>nn.MultiheadAttention</c> (same d and h), to compare the two.</summary>
    public void CopyFrom(MultiheadAttention reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var weights = reference.state_dict();
        var w = weights["in_proj_weight"].chunk(3);
        var b = weights["in_proj_bias"].chunk(3);
        using var noGrad = no_grad();
        foreach (var (linear, i) in new[] { W_q, W_k, W_v }.Select((l, i) => (l, i)))
        {
            linear.weight!.copy_(w[i]);
            linear.bias!.copy_(b[i]);
        }
        W_o.weight!.copy_(weights["out_proj.weight"]);
        W_o.bias!.copy_(weights["out_proj.bias"]);
    }

    /// <summary>[batch, time, d] → [batch, h, time, d/h].</summary>
    Tensor SplitHeads(Tensor x) => x.reshape(x.shape[0], x.shape[1], Heads, ModelWidth / Heads).transpose(1, 2);
}
