using Book.LargeModels;

namespace Book.Tests.LargeModels;

/// <summary>The calculator against the counts papers and released checkpoints report.</summary>
public class ParameterCountTests
{
    /// <summary>Reported counts are rounded to two or three significant figures; BERT-large's 340M is 1.4 % above the architecture's count.</summary>
    const double Tolerance = 0.02;

    public static TheoryData<string> Published => new(PublishedTransformers.All.Select(m => m.Name));

    [Theory]
    [MemberData(nameof(Published))]
    public void Published_counts_are_reproduced_within_two_percent(string name)
    {
        var model = PublishedTransformers.All.Single(m => m.Name == name);
        Assert.True(Math.Abs(model.RelativeDifference) < Tolerance,
            $"{name}: expected about {model.ReportedParameters:0.###e0} parameters (±{Tolerance:P0}), counted {model.Count.Total:N0}.");
    }

    [Fact]
    public void Gpt3_has_175_billion_parameters_not_17()
    {
        long d = 12_288, layers = 96;
        long expected = layers * (12 * d * d + 13 * d) + (50_257 + 2048) * d + 2 * d;
        Assert.Equal(expected, PublishedTransformers.Gpt3.Count.Total);
        Assert.InRange(PublishedTransformers.Gpt3.Count.Total / 1e9, 174.5, 175.5);
    }

    [Fact]
    public void Gpt2_small_and_bert_base_match_their_released_implementations_exactly()
    {
        // The sizes Hugging Face Transformers reports for the released "gpt2" and "bert-base-uncased" checkpoints.
        Assert.Equal(124_439_808, PublishedTransformers.Gpt2Small.Count.Total);
        Assert.Equal(109_482_240, PublishedTransformers.BertBase.Count.Total);
    }

    [Fact]
    public void Components_add_up_to_the_total()
    {
        foreach (var model in PublishedTransformers.All)
            Assert.Equal(model.Count.Total, model.Count.Components.Sum(c => c.Parameters));
    }

    [Fact]
    public void Untying_the_head_adds_one_vocabulary_matrix()
    {
        var tied = PublishedTransformers.Gpt2Small.Config;
        var untied = tied with { Head = OutputHead.Untied };
        Assert.Equal(50_257L * 768, ParameterCount.Of(untied).Total - ParameterCount.Of(tied).Total);
    }

    [Fact]
    public void Non_embedding_count_is_close_to_twelve_L_d_squared()
    {
        var count = PublishedTransformers.Gpt3.Count;
        double shortcut = 12.0 * 96 * 12_288 * 12_288;
        Assert.InRange(count.NonEmbedding / shortcut, 1.0, 1.0002);
    }

    [Fact]
    public void Heads_must_divide_the_model_width()
    {
        var error = Assert.Throws<ArgumentException>(() => ParameterCount.Of(TransformerConfig.DecoderOnly(100, 16, modelWidth: 30, layers: 1, heads: 4)));
        Assert.Contains("multiple of Heads = 4, got 30", error.Message);
    }

    [Fact]
    public void A_decoder_needs_a_head_and_an_encoder_is_counted_without_one()
    {
        var decoder = TransformerConfig.DecoderOnly(100, 16, 32, 1, 4) with { Head = OutputHead.None };
        Assert.Contains("output head", Assert.Throws<ArgumentException>(() => ParameterCount.Of(decoder)).Message);
        var encoder = TransformerConfig.EncoderOnly(100, 16, 32, 1, 4) with { Head = OutputHead.Untied };
        Assert.Contains("got Untied", Assert.Throws<ArgumentException>(() => ParameterCount.Of(encoder)).Message);
    }

    [Fact]
    public void Non_positive_sizes_are_rejected_by_name()
    {
        var error = Assert.Throws<ArgumentException>(() => ParameterCount.Of(TransformerConfig.DecoderOnly(100, 16, 32, layers: 0, heads: 4)));
        Assert.Contains("Expected Layers > 0, got 0", error.Message);
    }
}
