using System.Globalization;

namespace Book.Data;

/// <summary>
/// One token per character (per user-perceived character — a grapheme — so 🍎 or é written as e + ◌́
/// stay whole): a tiny vocabulary and no unknown words, at the price of long sequences. Chapter 09
/// (character-level language model) and chapter 10's attention example on 我喜欢吃苹果, six characters.
/// </summary>
public sealed class CharacterTokenizer : Tokenizer
{
    CharacterTokenizer(Vocabulary vocabulary) : base(vocabulary) { }

    /// <summary>A tokenizer whose vocabulary holds every character of <paramref name="texts"/>, most frequent first.</summary>
    public static CharacterTokenizer Fit(IEnumerable<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return new CharacterTokenizer(Vocabulary.Build(texts.SelectMany(Characters)));
    }

    /// <summary>A tokenizer over a given vocabulary.</summary>
    public static CharacterTokenizer With(Vocabulary vocabulary) => new(vocabulary);

    /// <inheritdoc />
    public override IReadOnlyList<string> Tokenize(string text) => Characters(text).ToList();

    /// <inheritdoc />
    public override string Detokenize(IEnumerable<string> tokens) => string.Concat(tokens);

    static IEnumerable<string> Characters(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext()) yield return elements.GetTextElement();
    }
}
