using Book.Tensors;
using Book.Runtime;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Book.Attention;

/// <summary>
/// One transformer encoder block (chapter 10): self-attention then a position-wise feed-forward
/// network FFN(x) = W₂ φ(W₁ x + b₁) + b₂ (d → d_ff → d), each wrapped in dropout, a residual connection
/// and layer normalisation — after the sum (post-norm, the original transformer) or before the
/// sublayer (pre-norm, GPT-style). Input and output [batch, time, d].
/// </summary>
public sealed class TransformerEncoderBlock : nn.Module<Tensor, Tensor>
{
    readonly MultiHeadAttention attention;
    readonly LayerNorm norm1;
    readonly Linear linear1;
    readonly nn.Module<Tensor, Tensor> activation;
    readonly Linear linear2;
    readonly LayerNorm norm2;
    readonly Dropout dropout;

    /// <summary>A block over vectors of <paramref name="modelSize"/> with <paramref name="heads"/> heads.</summary>
    /// <param name="feedForwardSize">d_ff, the hidden size of the FFN (4d in the original).</param>
    /// <param name="dropout">Dropout on attention weights and on each sublayer's output.</param>
    /// <param name="norm">Post-norm (original) or pre-norm (GPT-style).</param>
    /// <param name="causal">Whether each position attends only to itself and earlier ones (language models).</param>
    /// <param name="activation">φ in the FFN; ReLU by default, GELU in GPT.</param>
    public TransformerEncoderBlock(int modelSize, int heads, int feedForwardSize, double dropout = 0.1,
        NormPlacement norm = NormPlacement.PostNorm, bool causal = false, Func<nn.Module<Tensor, Tensor>>? activation = null, Device? device = null)
        : base(nameof(TransformerEncoderBlock))
    {
        attention = new MultiHeadAttention(modelSize, heads, dropout, CPU);
        norm1 = nn.LayerNorm(modelSize);
        linear1 = nn.Linear(modelSize, feedForwardSize);
        this.activation = (activation ?? (() => nn.ReLU()))();
        linear2 = nn.Linear(feedForwardSize, modelSize);
        norm2 = nn.LayerNorm(modelSize);
        this.dropout = nn.Dropout(dropout);
        (Norm, Causal, ModelSize) = (norm, causal, modelSize);
        RegisterComponents();
        this.to(device ?? Devices.Default);
    }

    /// <summary>Where the block normalises.</summary>
    public NormPlacement Norm { get; }
    /// <summary>Whether attention is causal.</summary>
    public bool Causal { get; }
    /// <summary>d, the size of the vectors in and out.</summary>
    public int ModelSize { get; }
    /// <summary>The block's self-attention, e.g. to read its weights.</summary>
    public MultiHeadAttention Attention => attention;

    /// <inheritdoc />
    public override Tensor forward(Tensor input) => Apply(input, mask: null);

    /// <summary>The block with an attention mask, e.g. one that hides padding keys ([batch, 1, 1, time], true = real token).</summary>
    public Tensor Apply(Tensor input, Tensor? mask)
    {
        Shapes.Require(input, "input", "batch", "time", ModelSize);
        if (Norm == NormPlacement.PreNorm)
        {
            var x = input + dropout.call(SelfAttention(norm1.call(input), mask));
            return x + dropout.call(FeedForward(norm2.call(x)));
        }
        var y = norm1.call(input + dropout.call(SelfAttention(input, mask)));
        return norm2.call(y + dropout.call(FeedForward(y)));
    }

    Tensor SelfAttention(Tensor x, Tensor? mask) => attention.Apply(x, x, x, mask, Causal).Output;

    Tensor FeedForward(Tensor x) => linear2.call(dropout.call(activation.call(linear1.call(x))));
}
