using Book.Data;

namespace Book.Tests.Data;

public class TokenizerTests
{
    static readonly string[] Reviews = { "I love this movie!", "I hate this movie.", "What a great film, I love it" };

    [Fact]
    public void Vocabulary_starts_with_the_special_tokens_then_by_frequency()
    {
        var vocabulary = Vocabulary.Build(new[] { "b", "a", "b", "c", "a", "b" });
        Assert.Equal(new[] { "<pad>", "<unk>", "b", "a", "c" }, vocabulary.Tokens);
        Assert.Equal(1, vocabulary["never seen"]);
        Assert.Equal("a", vocabulary[3L]);
        Assert.Throws<ArgumentOutOfRangeException>(() => vocabulary[5L]);
    }

    [Fact]
    public void Min_count_and_max_size_limit_the_vocabulary()
    {
        var corpus = new[] { "x", "y", "y", "z", "z", "z" };
        Assert.Equal(new[] { "<pad>", "<unk>", "z", "y" }, Vocabulary.Build(corpus, minCount: 2).Tokens);
        Assert.Equal(new[] { "<pad>", "<unk>", "z" }, Vocabulary.Build(corpus, maxSize: 3).Tokens);
    }

    [Fact]
    public void Words_and_punctuation_round_trip_through_ids()
    {
        var tokenizer = WordTokenizer.Fit(Reviews);
        Assert.Equal(new[] { "i", "love", "this", "movie", "!" }, tokenizer.Tokenize(Reviews[0]));
        long[] ids = tokenizer.Encode("I love this film.");
        Assert.Equal("i love this film .", tokenizer.Decode(ids));
        Assert.Equal(tokenizer.Vocabulary["i"], ids[0]);
        Assert.Equal("i <unk> this movie", tokenizer.Decode(tokenizer.Encode("I adore this movie")));
    }

    [Fact]
    public void Decoding_skips_padding()
    {
        var tokenizer = WordTokenizer.Fit(Reviews);
        using var padded = SequencePadding.PadSequences(new[] { tokenizer.Encode("great film") }, maxLength: 5);
        Assert.Equal("great film", tokenizer.Decode(padded[0].data<long>().ToArray()));
    }

    [Fact]
    public void Characters_round_trip_exactly_including_chinese_and_emoji()
    {
        const string text = "我喜欢吃苹果🍎";
        var tokenizer = CharacterTokenizer.Fit(new[] { text });
        Assert.Equal(7, tokenizer.Tokenize(text).Count);
        Assert.Equal(text, tokenizer.Decode(tokenizer.Encode(text)));
        Assert.Equal(9, tokenizer.Vocabulary.Count);
        Assert.Equal("我<unk>", tokenizer.Decode(tokenizer.Encode("我你")));
    }

    [Fact]
    public void A_given_vocabulary_fixes_the_ids()
    {
        var tokenizer = WordTokenizer.With(new Vocabulary(new[] { "good", "bad" }));
        Assert.Equal(new long[] { 2, 1, 3 }, tokenizer.Encode("Good or bad"));
        Assert.True(tokenizer.Vocabulary.Contains("bad"));
        Assert.Throws<ArgumentException>(() => new Vocabulary(new[] { "a", "a" }));
        Assert.Equal(new long[] { 3, 2 }, CharacterTokenizer.With(new Vocabulary(new[] { "a", "b" })).Encode("ba"));
    }
}
