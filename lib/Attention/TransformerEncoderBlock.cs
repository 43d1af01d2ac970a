using Book.Tensors;
using Book.Runtime;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Book.Attention;

/// <summary>
/// One transformer encoder block (chapter 10), assembled from the parts the chapter builds: multi-head
/// self-attention, then a position-wise feed-forward network FFN(x) = ReLU(x W₁ + b₁) W₂ + b₂ (d → d_ff → d),
/// each wrapped in dropout, a residual connection and layer normalisation — after the sum (post-norm, the
/// original transformer and TorchSharp's <c>nn.TransformerEncoderLayer</c>) or before the sublayer (pre-norm,
/// GPT-2 and most large models):
/// <code>
/// post-norm:  x ← LayerNorm(x + Attention(x));   x ← LayerNorm(x + FFN(x))
/// pre-norm:   x ← x + Attention(LayerNorm(x));   x ← x + FFN(LayerNorm(x))
/// </code>
/// Attention is bidirectional: every position reads every other, except keys hidden by a mask (padding).
/// Input and output [batch, time, d]. The book's language model has its own causal blocks, in one file.
/// </summary>
public sealed class TransformerEncoderBlock : nn.Module<Tensor, Tensor>
{
    readonly MultiHeadAttention attention;
    readonly LayerNorm norm1;
    readonly Linear linear1;
    readonly Linear linear2;
    readonly LayerNorm norm2;
    readonly Dropout dropout;

    /// <summary>A block over vectors of <paramref name="modelWidth"/> numbers with <paramref name="heads"/> heads.</summary>
    /// <param name="feedForwardWidth">d_ff, the hidden width of the FFN (4d in the original).</param>
    /// <param name="norm">Post-norm (original) or pre-norm (GPT-style).</param>
    /// <param name="dropout">Dropout on attention weights and on each sublayer's output (training only).</param>
    public TransformerEncoderBlock(int modelWidth, int heads, int feedForwardWidth, NormPlacement norm = NormPlacement.PostNorm,
        double dropout = 0, Device? device = null) : base(nameof(TransformerEncoderBlock))
    {
        attention = new MultiHeadAttention(modelWidth, heads, dropout, CPU);
        norm1 = nn.LayerNorm(modelWidth);
        linear1 = nn.Linear(modelWidth, feedForwardWidth);
        linear2 = nn.Linear(feedForwardWidth, modelWidth);
        norm2 = nn.LayerNorm(modelWidth);
        this.dropout = nn.Dropout(dropout);
        (Norm, ModelWidth) = (norm, modelWidth);
        RegisterComponents();
        this.to(device ?? Devices.Default);
    }

    /// <summary>Where the block normalises.</summary>
    public NormPlacement Norm { get; }
    /// <summary>d, the size of the vectors in and out.</summary>
    public int ModelWidth { get; }
    /// <summary>The block's self-attention, e.g. to copy weights into it or read its weights.</summary>
    public MultiHeadAttention Attention => attention;

    /// <inheritdoc />
    public override Tensor forward(Tensor input) => Apply(input, mask: null);

    /// <summary>The block with an attention mask, e.g. one that hides padding keys ([batch, 1, 1, time], true = real token).</summary>
    public Tensor Apply(Tensor input, Tensor? mask)
    {
        Shapes.Require(input, "input", "batch", "time", ModelWidth);
        if (Norm == NormPlacement.PreNorm)
        {
            var x = input + dropout.call(SelfAttention(norm1.call(input), mask));
            return x + dropout.call(FeedForward(norm2.call(x)));
        }
        var y = norm1.call(input + dropout.call(SelfAttention(input, mask)));
        return norm2.call(y + dropout.call(FeedForward(y)));
    }

    /// <summary>
    /// Copies the weights of TorchSharp's <c>nn.TransformerEncoderLayer</c> (same d, h and d_ff, ReLU), to compare
    /// the two: its packed Q/K/V projection, output projection, feed-forward layers and layer norms.
    /// </summary>
    public void CopyFrom(TransformerEncoderLayer reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var theirs = reference.state_dict();
        var w = theirs["self_attn.in_proj_weight"].chunk(3);
        var b = theirs["self_attn.in_proj_bias"].chunk(3);
        var ours = new Dictionary<string, Tensor>
        {
            ["attention.W_q.weight"] = w[0], ["attention.W_q.bias"] = b[0],
            ["attention.W_k.weight"] = w[1], ["attention.W_k.bias"] = b[1],
            ["attention.W_v.weight"] = w[2], ["attention.W_v.bias"] = b[2],
            ["attention.W_o.weight"] = theirs["self_attn.out_proj.weight"], ["attention.W_o.bias"] = theirs["self_attn.out_proj.bias"],
        };
        foreach (var name in new[] { "linear1", "linear2", "norm1", "norm2" })
            foreach (var part in new[] { "weight", "bias" })
                ours[$"{name}.{part}"] = theirs[$"{name}.{part}"];
        load_state_dict(ours);
    }

    Tensor SelfAttention(Tensor x, Tensor? mask) => attention.Apply(x, x, x, mask).Output;

    Tensor FeedForward(Tensor x) => linear2.call(dropout.call(nn.functional.relu(linear1.call(x))));
}
