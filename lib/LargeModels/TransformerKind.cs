namespace Book.LargeModels;

/// <summary>
/// The two transformer families chapter 01 (Large models: what they are and what they cost) counts.
/// Their blocks have the same parameters; they differ in what surrounds the blocks.
/// </summary>
public enum TransformerKind
{
    /// <summary>GPT-style: causal attention, a final layer norm and an output head that predicts the next token.</summary>
    DecoderOnly,

    /// <summary>BERT-style: bidirectional attention, a layer norm on the embeddings, optional token types and pooler.</summary>
    EncoderOnly,
}
