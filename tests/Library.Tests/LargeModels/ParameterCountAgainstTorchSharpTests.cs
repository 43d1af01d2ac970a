using Book.LargeModels;
using TorchSharp;
using static TorchSharp.torch;

namespace Book.Tests.LargeModels;

/// <summary>
/// The calculator must agree exactly with the parameters TorchSharp allocates for the same hyper-parameters.
/// Small widths keep the models tiny; every term of the formula is exercised by at least one case.
/// </summary>
public class ParameterCountAgainstTorchSharpTests
{
    public static TheoryData<string, TransformerConfig> Configs => new()
    {
        { "decoder, tied head", TransformerConfig.DecoderOnly(97, contextLength: 16, modelWidth: 24, layers: 3, heads: 4) },
        { "decoder, untied head", TransformerConfig.DecoderOnly(97, contextLength: 16, modelWidth: 24, layers: 2, heads: 3, tiedEmbeddings: false) },
        { "decoder, no biases, d_ff ≠ 4d", TransformerConfig.DecoderOnly(50, contextLength: 8, modelWidth: 16, layers: 2, heads: 2, feedForwardWidth: 40, biases: false) },
        { "encoder, token types and pooler", TransformerConfig.EncoderOnly(61, contextLength: 12, modelWidth: 32, layers: 2, heads: 4) },
        { "encoder, no pooler, no biases", TransformerConfig.EncoderOnly(61, contextLength: 12, modelWidth: 32, layers: 1, heads: 4, tokenTypes: 3, pooler: false, biases: false) },
    };

    [Theory]
    [MemberData(nameof(Configs))]
    public void Count_equals_the_parameters_of_a_TorchSharp_model(string name, TransformerConfig config)
    {
        using var model = new TinyTransformer(config);
        long torchSharp = model.parameters().Sum(p => p.numel());
        Assert.True(ParameterCount.Of(config).Total == torchSharp,
            $"{name}: expected TorchSharp's {torchSharp} parameters, the calculator counted {ParameterCount.Of(config).Total}.");
    }

    [Fact]
    public void The_tiny_decoder_runs_and_predicts_the_vocabulary()
    {
        var config = TransformerConfig.DecoderOnly(97, contextLength: 16, modelWidth: 24, layers: 2, heads: 4);
        using var model = new TinyTransformer(config);
        using var logits = model.call(randint(0, 97, [2, 16]));
        Assert.Equal(new long[] { 2, 16, 97 }, logits.shape);
    }

    [Fact]
    public void A_block_counts_what_TorchSharps_TransformerEncoderLayer_holds()
    {
        var config = TransformerConfig.EncoderOnly(10, contextLength: 4, modelWidth: 48, layers: 1, heads: 6, feedForwardWidth: 100, pooler: false);
        var count = ParameterCount.Of(config);
        using var layer = nn.TransformerEncoderLayer(48, 6, 100);
        long twoNorms = 2 * 2 * 48;
        Assert.Equal(layer.parameters().Sum(p => p.numel()), count.Attention + count.FeedForward + twoNorms);
    }
}
