namespace Book.LargeModels;

/// <summary>
/// The hyper-parameters of a transformer — the input of the parameter calculator of chapter 01 (Large
/// models: what they are and what they cost) and the one record chapter 10's
/// <c>Book.Models.TransformerLanguageModel</c> is built from, so the count the calculator gives is the count of
/// the model that trains. Build one with <see cref="DecoderOnly"/> or <see cref="EncoderOnly"/> and vary it with
/// <c>with { Layers = 48 }</c>. The number of heads splits d_model into heads of d_model / heads dimensions and so
/// does not change the count; it is kept because it must divide d_model. <see cref="Dropout"/> changes no count either;
/// it is a setting of training.
/// </summary>
/// <param name="Kind">Decoder-only (GPT) or encoder-only (BERT).</param>
/// <param name="VocabularySize">V, the number of token embeddings.</param>
/// <param name="ContextLength">T, the number of learned position embeddings (the longest input).</param>
/// <param name="ModelWidth">d (d_model), the width of every hidden state.</param>
/// <param name="Layers">L, the number of transformer blocks.</param>
/// <param name="Heads">h, attention heads per block; must divide d.</param>
/// <param name="FeedForwardWidth">d_ff, the hidden width of each block's feed-forward network (usually 4·d).</param>
/// <param name="Biases">Whether linear layers and layer norms have biases (GPT-2, GPT-3, BERT: yes).</param>
/// <param name="Head">The output head of a decoder; <see cref="OutputHead.None"/> for an encoder.</param>
/// <param name="TokenTypes">Segment ("token type") embeddings of an encoder; BERT has 2, a decoder 0.</param>
/// <param name="Pooler">Whether an encoder has BERT's pooler, a d×d dense layer on the first token.</param>
public sealed record TransformerConfig(
    TransformerKind Kind,
    int VocabularySize,
    int ContextLength,
    int ModelWidth,
    int Layers,
    int Heads,
    int FeedForwardWidth,
    bool Biases,
    OutputHead Head,
    int TokenTypes,
    bool Pooler)
{
    /// <summary>The probability with which dropout zeroes an activation during training (0 by default, none).</summary>
    public double Dropout { get; init; }

    /// <summary>A GPT-style decoder; <paramref name="feedForwardWidth"/> defaults to 4·d_model.</summary>
    public static TransformerConfig DecoderOnly(int vocabularySize, int contextLength, int modelWidth, int layers, int heads,
        int? feedForwardWidth = null, bool tiedEmbeddings = true, bool biases = true) =>
        new(TransformerKind.DecoderOnly, vocabularySize, contextLength, modelWidth, layers, heads,
            feedForwardWidth ?? 4 * modelWidth, biases, tiedEmbeddings ? OutputHead.Tied : OutputHead.Untied,
            TokenTypes: 0, Pooler: false);

    /// <summary>A BERT-style encoder; <paramref name="feedForwardWidth"/> defaults to 4·d_model.</summary>
    public static TransformerConfig EncoderOnly(int vocabularySize, int contextLength, int modelWidth, int layers, int heads,
        int? feedForwardWidth = null, int tokenTypes = 2, bool pooler = true, bool biases = true) =>
        new(TransformerKind.EncoderOnly, vocabularySize, contextLength, modelWidth, layers, heads,
            feedForwardWidth ?? 4 * modelWidth, biases, OutputHead.None, tokenTypes, pooler);

    /// <summary>Throws an <see cref="ArgumentException"/> naming the expected and actual value of the first inconsistency.</summary>
    public void Validate()
    {
        RequirePositive(VocabularySize, nameof(VocabularySize));
        RequirePositive(ContextLength, nameof(ContextLength));
        RequirePositive(ModelWidth, nameof(ModelWidth));
        RequirePositive(Layers, nameof(Layers));
        RequirePositive(Heads, nameof(Heads));
        RequirePositive(FeedForwardWidth, nameof(FeedForwardWidth));
        if (ModelWidth % Heads != 0)
            throw new ArgumentException($"Expected {nameof(ModelWidth)} to be a multiple of {nameof(Heads)} = {Heads}, got {ModelWidth}.");
        if (!(Dropout >= 0 && Dropout < 1))
            throw new ArgumentException($"Expected {nameof(Dropout)} in [0, 1), got {Dropout}.");
        if (TokenTypes < 0)
            throw new ArgumentException($"Expected {nameof(TokenTypes)} ≥ 0, got {TokenTypes}.");
        if (Kind == TransformerKind.DecoderOnly)
        {
            if (Head == OutputHead.None)
                throw new ArgumentException($"Expected a decoder-only model to have an output head ({OutputHead.Tied} or {OutputHead.Untied}), got {OutputHead.None}.");
            if (TokenTypes != 0 || Pooler)
                throw new ArgumentException($"Expected a decoder-only model without token types or pooler, got {nameof(TokenTypes)} = {TokenTypes}, {nameof(Pooler)} = {Pooler}.");
        }
        else if (Head != OutputHead.None)
            throw new ArgumentException($"Expected an encoder-only model to be counted without an output head ({OutputHead.None}), got {Head}.");
    }

    static void RequirePositive(int value, string name)
    {
        if (value <= 0) throw new ArgumentException($"Expected {name} > 0, got {value}.");
    }
}
