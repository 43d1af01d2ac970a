namespace Book.Data;

/// <summary>
/// Text to token ids and back: <see cref="Tokenize"/> cuts a text into tokens (characters or words), the
/// <see cref="Vocabulary"/> numbers them. <c>Decode(Encode(text))</c> gives the text back as
/// <see cref="Detokenize"/> rebuilds it from its tokens, with <c>&lt;unk&gt;</c> for tokens the vocabulary
/// lacks. Chapters 09 and 10.
/// </summary>
public abstract class Tokenizer
{
    /// <summary>A tokenizer numbering its tokens with <paramref name="vocabulary"/>.</summary>
    protected Tokenizer(Vocabulary vocabulary) => Vocabulary = vocabulary ?? throw new ArgumentNullException(nameof(vocabulary));

    /// <summary>The token ↔ id table.</summary>
    public Vocabulary Vocabulary { get; }

    /// <summary>The tokens of <paramref name="text"/>.</summary>
    public abstract IReadOnlyList<string> Tokenize(string text);

    /// <summary>The text made of <paramref name="tokens"/>.</summary>
    public abstract string Detokenize(IEnumerable<string> tokens);

    /// <summary>The ids of the tokens of <paramref name="text"/>.</summary>
    public long[] Encode(string text) => Vocabulary.Encode(Tokenize(text));

    /// <summary>The text of <paramref name="ids"/>, padding left out.</summary>
    public string Decode(IEnumerable<long> ids) => Detokenize(Vocabulary.Decode(ids));
}
