using System.Text.RegularExpressions;

namespace Book.Data;

/// <summary>
/// One token per word or punctuation mark: a word is a run of letters, digits and underscores
/// (with an inner apostrophe, as in "don't"); every other non-space character is a token of its own.
/// Text is lower-cased by default, like Keras's <c>Tokenizer</c>. Decoding joins tokens with single
/// spaces, so a text round-trips exactly when it is already lower-case with one space between tokens
/// ("the movie was great !"). Chapter 09 (the source article's three-sentence LSTM classifier) and 09.
/// </summary>
public sealed partial class WordTokenizer : Tokenizer
{
    readonly bool lowercase;

    WordTokenizer(Vocabulary vocabulary, bool lowercase) : base(vocabulary) => this.lowercase = lowercase;

    /// <summary>
    /// A tokenizer whose vocabulary holds the words of <paramref name="texts"/> seen at least
    /// <paramref name="minCount"/> times, most frequent first, at most <paramref name="maxSize"/> ids in all.
    /// </summary>
    public static WordTokenizer Fit(IEnumerable<string> texts, bool lowercase = true, int minCount = 1, int? maxSize = null)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var words = texts.SelectMany(text => Words(text, lowercase));
        return new WordTokenizer(Vocabulary.Build(words, minCount, maxSize), lowercase);
    }

    /// <summary>A tokenizer over a given vocabulary.</summary>
    public static WordTokenizer With(Vocabulary vocabulary, bool lowercase = true) => new(vocabulary, lowercase);

    /// <inheritdoc />
    public override IReadOnlyList<string> Tokenize(string text) => Words(text, lowercase).ToList();

    /// <inheritdoc />
    public override string Detokenize(IEnumerable<string> tokens) => string.Join(" ", tokens);

    static IEnumerable<string> Words(string text, bool lowercase)
    {
        ArgumentNullException.ThrowIfNull(text);
        return WordPattern().Matches(lowercase ? text.ToLowerInvariant() : text).Select(m => m.Value);
    }

    [GeneratedRegex(@"\w+(?:'\w+)*|[^\w\s]")]
    private static partial Regex WordPattern();
}
