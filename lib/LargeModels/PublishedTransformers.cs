namespace Book.LargeModels;

/// <summary>
/// The published configurations chapter 01 recounts. GPT-2 and GPT-3 use a 50 257-token BPE vocabulary,
/// learned positions, biases everywhere and an output head tied to the token embeddings; BERT uses a
/// 30 522-token WordPiece vocabulary, 512 positions, 2 token types and a pooler.
/// </summary>
public static class PublishedTransformers
{
    const int GptVocabulary = 50_257;
    const int BertVocabulary = 30_522;

    /// <summary>
    /// GPT-2 small: 12 layers, d = 768, 12 heads, context 1024. The GPT-2 paper's Table 2 lists 117M;
    /// OpenAI's released checkpoint is named 124M, which is what the architecture holds.
    /// </summary>
    public static PublishedTransformer Gpt2Small { get; } = new("GPT-2 small",
        TransformerConfig.DecoderOnly(GptVocabulary, contextLength: 1024, modelWidth: 768, layers: 12, heads: 12),
        124e6, "Radford et al. 2019; OpenAI checkpoint \"124M\"");

    /// <summary>GPT-2 XL: 48 layers, d = 1600, 25 heads, context 1024. The paper lists 1542M; the checkpoint is named 1558M.</summary>
    public static PublishedTransformer Gpt2XL { get; } = new("GPT-2 XL",
        TransformerConfig.DecoderOnly(GptVocabulary, contextLength: 1024, modelWidth: 1600, layers: 48, heads: 25),
        1558e6, "Radford et al. 2019; OpenAI checkpoint \"1558M\"");

    /// <summary>GPT-3 175B: 96 layers, d = 12 288, 96 heads, d_ff = 4d, context 2048 (Brown et al. 2020, Table 2.1).</summary>
    public static PublishedTransformer Gpt3 { get; } = new("GPT-3 175B",
        TransformerConfig.DecoderOnly(GptVocabulary, contextLength: 2048, modelWidth: 12_288, layers: 96, heads: 96),
        175e9, "Brown et al. 2020, arXiv:2005.14165, Table 2.1");

    /// <summary>BERT-base: 12 layers, d = 768, 12 heads, d_ff = 3072 (Devlin et al. 2018: 110M).</summary>
    public static PublishedTransformer BertBase { get; } = new("BERT-base",
        TransformerConfig.EncoderOnly(BertVocabulary, contextLength: 512, modelWidth: 768, layers: 12, heads: 12),
        110e6, "Devlin et al. 2018, arXiv:1810.04805");

    /// <summary>BERT-large: 24 layers, d = 1024, 16 heads, d_ff = 4096 (Devlin et al. 2018: 340M).</summary>
    public static PublishedTransformer BertLarge { get; } = new("BERT-large",
        TransformerConfig.EncoderOnly(BertVocabulary, contextLength: 512, modelWidth: 1024, layers: 24, heads: 16),
        340e6, "Devlin et al. 2018, arXiv:1810.04805");

    /// <summary>All of them, smallest first.</summary>
    public static IReadOnlyList<PublishedTransformer> All { get; } = [BertBase, Gpt2Small, BertLarge, Gpt2XL, Gpt3];
}
