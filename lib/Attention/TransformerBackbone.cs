using Book.Tensors;
using Book.Runtime;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Book.Attention;

/// <summary>
/// The backbone of a small transformer (chapter 10): token ids → embedding scaled by √d → plus the
/// <see cref="SinusoidalPositionalEncoding"/> → dropout → N <see cref="TransformerEncoderBlock"/>s
/// (→ a final LayerNorm when the blocks are pre-norm). Input [batch, time] of int64 ids, output
/// [batch, time, d]: one context-aware vector per position. A classifier pools these vectors; a
/// language model (causal blocks) predicts the next token from each.
/// </summary>
public sealed class TransformerBackbone : nn.Module<Tensor, Tensor>
{
    readonly Embedding embedding;
    readonly SinusoidalPositionalEncoding positions;
    readonly Dropout dropout;
    readonly ModuleList<TransformerEncoderBlock> blocks;
    readonly LayerNorm? finalNorm;

    /// <summary>A backbone over a vocabulary of <paramref name="vocabularySize"/> tokens.</summary>
    /// <param name="modelSize">d, the size of every token vector.</param>
    /// <param name="heads">Attention heads per block (d must divide by it).</param>
    /// <param name="layers">N, the number of blocks.</param>
    /// <param name="feedForwardSize">d_ff of each block's feed-forward network.</param>
    /// <param name="maxLength">The longest sequence the positional encoding covers.</param>
    /// <param name="dropout">Dropout after the embedding and inside every block.</param>
    /// <param name="norm">Post-norm (original transformer) or pre-norm (GPT-style).</param>
    /// <param name="causal">Whether position t sees only positions ≤ t (for language models).</param>
    /// <param name="paddingToken">The id used for padding, hidden from attention and pooling; null when there is none.</param>
    public TransformerBackbone(int vocabularySize, int modelSize, int heads, int layers, int feedForwardSize, int maxLength = 512,
        double dropout = 0.1, NormPlacement norm = NormPlacement.PostNorm, bool causal = false, int? paddingToken = null,
        Device? device = null) : base(nameof(TransformerBackbone))
    {
        if (layers < 1) throw new ArgumentOutOfRangeException(nameof(layers), layers, "Expected at least one block.");
        embedding = nn.Embedding(vocabularySize, modelSize, padding_idx: paddingToken);
        positions = new SinusoidalPositionalEncoding(modelSize, maxLength, CPU);
        this.dropout = nn.Dropout(dropout);
        blocks = nn.ModuleList(Enumerable.Range(0, layers)
            .Select(_ => new TransformerEncoderBlock(modelSize, heads, feedForwardSize, dropout, norm, causal, device: CPU)).ToArray());
        finalNorm = norm == NormPlacement.PreNorm ? nn.LayerNorm(modelSize) : null;
        (ModelSize, MaxLength, PaddingToken, Causal) = (modelSize, maxLength, paddingToken, causal);
        RegisterComponents();
        this.to(device ?? Devices.Default);
    }

    /// <summary>d, the size of the output vectors.</summary>
    public int ModelSize { get; }
    /// <summary>The longest sequence accepted.</summary>
    public int MaxLength { get; }
    /// <summary>The padding id, or null.</summary>
    public int? PaddingToken { get; }
    /// <summary>Whether attention is causal.</summary>
    public bool Causal { get; }
    /// <summary>The blocks, e.g. to read their attention weights.</summary>
    public IReadOnlyList<TransformerEncoderBlock> Blocks => blocks.ToList();

    /// <summary>Which positions hold real tokens: [batch, time], true = real (all true without a padding id).</summary>
    public Tensor RealTokens(Tensor tokens) =>
        PaddingToken is int pad ? tokens.ne(pad) : ones_like(tokens, dtype: ScalarType.Bool);

    /// <inheritdoc />
    public override Tensor forward(Tensor tokens)
    {
        Shapes.Require(tokens, "token ids", "batch", "time");
        var x = dropout.call(positions.call(embedding.call(tokens) * Math.Sqrt(ModelSize)));
        Tensor? mask = PaddingToken is null ? null : RealTokens(tokens).unsqueeze(1).unsqueeze(2); // [batch, 1, 1, time]: hide padding keys
        foreach (var block in blocks) x = block.Apply(x, mask);
        return finalNorm is null ? x : finalNorm.call(x);
    }
}
