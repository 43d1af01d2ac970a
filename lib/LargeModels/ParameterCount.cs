using System.Globalization;

namespace Book.LargeModels;

/// <summary>
/// The parameters of a transformer counted from its <see cref="TransformerConfig"/>, term by term —
/// the calculator of chapter 01 (Large models: what they are and what they cost). With b = 1 when the
/// model has biases and 0 otherwise:
/// <code>
/// token embeddings        V·d
/// position embeddings     T·d                      (learned, one per position)
/// token-type embeddings   S·d                      (encoder only; BERT: S = 2)
/// attention               L·(4·d² + 4·d·b)         (Q, K, V and output projections)
/// feed-forward            L·(2·d·d_ff + (d_ff + d)·b)
/// layer norms             (2L + 1)·d·(1 + b)       (two per block + the decoder's final / the encoder's embedding norm)
/// output head             V·d if untied, 0 if tied to the token embeddings, none for an encoder
/// pooler                  d² + d·b                 (encoder with BERT's pooler)
/// </code>
/// Not counted: an encoder's pre-training heads (BERT's masked-LM and next-sentence heads), as in the
/// counts the papers report. With d_ff = 4d and biases ignored, the blocks hold 12·L·d² parameters.
/// </summary>
/// <param name="Config">The hyper-parameters that were counted.</param>
/// <param name="TokenEmbeddings">V·d.</param>
/// <param name="PositionEmbeddings">T·d.</param>
/// <param name="TokenTypeEmbeddings">S·d.</param>
/// <param name="Attention">L·(4·d² + 4·d·b).</param>
/// <param name="FeedForward">L·(2·d·d_ff + (d_ff + d)·b).</param>
/// <param name="LayerNorms">(2L + 1)·d·(1 + b).</param>
/// <param name="OutputHead">V·d for an untied head, else 0.</param>
/// <param name="Pooler">d² + d·b with a pooler, else 0.</param>
public sealed record ParameterCount(
    TransformerConfig Config,
    long TokenEmbeddings,
    long PositionEmbeddings,
    long TokenTypeEmbeddings,
    long Attention,
    long FeedForward,
    long LayerNorms,
    long OutputHead,
    long Pooler)
{
    /// <summary>Counts the parameters of <paramref name="config"/> after validating it.</summary>
    public static ParameterCount Of(TransformerConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        config.Validate();
        long v = config.VocabularySize, t = config.ContextLength, d = config.ModelWidth, l = config.Layers, ff = config.FeedForwardWidth;
        long b = config.Biases ? 1 : 0;
        return new ParameterCount(
            config,
            TokenEmbeddings: v * d,
            PositionEmbeddings: t * d,
            TokenTypeEmbeddings: config.TokenTypes * d,
            Attention: l * (4 * d * d + 4 * d * b),
            FeedForward: l * (2 * d * ff + (ff + d) * b),
            LayerNorms: (2 * l + 1) * d * (1 + b),
            OutputHead: config.Head == LargeModels.OutputHead.Untied ? v * d : 0,
            Pooler: config.Pooler ? d * d + d * b : 0);
    }

    /// <summary>All parameters, the N of the chapter.</summary>
    public long Total => TokenEmbeddings + PositionEmbeddings + TokenTypeEmbeddings + Attention + FeedForward + LayerNorms + OutputHead + Pooler;

    /// <summary>
    /// Parameters without vocabulary and position embeddings (and without an untied output head, which is a
    /// second vocabulary matrix) — the N of Kaplan et al. (2020)'s scaling laws.
    /// </summary>
    public long NonEmbedding => Total - TokenEmbeddings - PositionEmbeddings - TokenTypeEmbeddings - OutputHead;

    /// <summary>The breakdown as table rows, in the order data flows through the model; absent parts are left out.</summary>
    public IReadOnlyList<ParameterComponent> Components
    {
        get
        {
            bool biases = Config.Biases;
            bool decoder = Config.Kind == TransformerKind.DecoderOnly;
            var rows = new List<ParameterComponent>
            {
                new("token embeddings", "V·d", TokenEmbeddings),
                new("position embeddings", "T·d", PositionEmbeddings),
            };
            if (Config.TokenTypes > 0) rows.Add(new("token-type embeddings", "S·d", TokenTypeEmbeddings));
            rows.Add(new("attention (Q, K, V, output)", biases ? "L·(4d² + 4d)" : "L·4d²", Attention));
            rows.Add(new("feed-forward", biases ? "L·(2·d·d_ff + d_ff + d)" : "L·2·d·d_ff", FeedForward));
            rows.Add(new(decoder ? "layer norms (2 per block + final)" : "layer norms (2 per block + embeddings)",
                biases ? "(2L + 1)·2d" : "(2L + 1)·d", LayerNorms));
            if (Config.Head == LargeModels.OutputHead.Tied) rows.Add(new("output head (tied to token embeddings)", "0", OutputHead));
            if (Config.Head == LargeModels.OutputHead.Untied) rows.Add(new("output head (untied)", "V·d", OutputHead));
            if (Config.Pooler) rows.Add(new("pooler", biases ? "d² + d" : "d²", Pooler));
            return rows;
        }
    }

    /// <summary>E.g. "174.60 B parameters (174,604,259,328)".</summary>
    public override string ToString() =>
        $"{ShortScale.Format(Total)} parameters ({Total.ToString("N0", CultureInfo.InvariantCulture)})";
}
