using Book.LargeModels;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Book.Tests.LargeModels;

/// <summary>
/// A small, working transformer assembled only from TorchSharp's own layers (Embedding, MultiheadAttention,
/// Linear, LayerNorm) in the shape a <see cref="TransformerConfig"/> describes, so that TorchSharp — not the
/// calculator — says how many parameters such a model has. Decoders use a causal mask and predict the
/// vocabulary (through the token-embedding matrix when tied); encoders return hidden states and, with a
/// pooler, the pooled first token.
/// </summary>
sealed class TinyTransformer : nn.Module<Tensor, Tensor>
{
    readonly TransformerConfig config;
    readonly Embedding tokens, positions;
    readonly Embedding? tokenTypes;
    readonly ModuleList<Block> blocks;
    readonly LayerNorm extraNorm;
    readonly Linear? untiedHead, pooler;

    public TinyTransformer(TransformerConfig config) : base(nameof(TinyTransformer))
    {
        this.config = config;
        long d = config.ModelWidth;
        bool causal = config.Kind == TransformerKind.DecoderOnly;
        tokens = nn.Embedding(config.VocabularySize, d);
        positions = nn.Embedding(config.ContextLength, d);
        tokenTypes = config.TokenTypes > 0 ? nn.Embedding(config.TokenTypes, d) : null;
        blocks = nn.ModuleList(Enumerable.Range(0, config.Layers).Select(_ => new Block(config, causal)).ToArray());
        extraNorm = nn.LayerNorm(d, bias: config.Biases);
        untiedHead = config.Head == OutputHead.Untied ? nn.Linear(d, config.VocabularySize, hasBias: false) : null;
        pooler = config.Pooler ? nn.Linear(d, d, hasBias: config.Biases) : null;
        RegisterComponents();
    }

    /// <summary>Token ids [batch, time] → logits [batch, time, V] (decoder) or hidden states / pooled output (encoder).</summary>
    public override Tensor forward(Tensor ids)
    {
        var x = tokens.call(ids) + positions.call(arange(ids.shape[1]));
        if (tokenTypes is not null) x += tokenTypes.call(zeros_like(ids));
        if (config.Kind == TransformerKind.EncoderOnly) x = extraNorm.call(x);
        foreach (var block in blocks) x = block.call(x);
        if (config.Kind == TransformerKind.EncoderOnly) return pooler is null ? x : pooler.call(x[.., 0]).tanh();
        x = extraNorm.call(x);
        return untiedHead is null ? x.matmul(tokens.weight!.t()) : untiedHead.call(x);
    }

    /// <summary>A pre-norm block: x + attention(norm(x)), then x + feed-forward(norm(x)).</summary>
    sealed class Block : nn.Module<Tensor, Tensor>
    {
        readonly bool causal;
        readonly LayerNorm norm1, norm2;
        readonly MultiheadAttention attention;
        readonly Linear up, down;

        public Block(TransformerConfig config, bool causal) : base(nameof(Block))
        {
            this.causal = causal;
            long d = config.ModelWidth;
            norm1 = nn.LayerNorm(d, bias: config.Biases);
            norm2 = nn.LayerNorm(d, bias: config.Biases);
            attention = nn.MultiheadAttention(d, config.Heads, bias: config.Biases);
            up = nn.Linear(d, config.FeedForwardWidth, hasBias: config.Biases);
            down = nn.Linear(config.FeedForwardWidth, d, hasBias: config.Biases);
            RegisterComponents();
        }

        public override Tensor forward(Tensor x)
        {
            long time = x.shape[1];
            var mask = causal ? ones(time, time, dtype: ScalarType.Bool).triu(1) : null;
            var h = norm1.call(x).transpose(0, 1); // MultiheadAttention wants [time, batch, d]
            var (attended, _) = attention.call(h, h, h, null, false, mask);
            x = x + attended.transpose(0, 1);
            return x + down.call(nn.functional.gelu(up.call(norm2.call(x))));
        }
    }
}
