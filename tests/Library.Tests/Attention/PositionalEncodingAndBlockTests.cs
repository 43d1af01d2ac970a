using Book.Attention;
using Book.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace Book.Tests.Attention;

public class PositionalEncodingAndBlockTests
{
    static void AssertClose(Tensor expected, Tensor actual, string what)
    {
        Assert.Equal(expected.shape, actual.shape);
        Assert.True(actual.allclose(expected, rtol: 1e-5, atol: 1e-5), $"{what}: max difference {(actual - expected).abs().max().ToDouble()}");
    }

    [Theory]
    [InlineData(8)]
    [InlineData(5)]
    public void The_positional_encoding_follows_the_sine_cosine_formula(int d)
    {
        using var table = SinusoidalPositionalEncoding.Table(d, 50);

        Assert.Equal(new long[] { 50, d }, table.shape);
        for (int pos = 0; pos < 50; pos += 7)
            for (int i = 0; i < d; i++)
            {
                double angle = pos / Math.Pow(10000, 2 * (i / 2) / (double)d);
                double expected = i % 2 == 0 ? Math.Sin(angle) : Math.Cos(angle);
                Assert.Equal(expected, table[pos, i].ToDouble(), 5);
            }
    }

    [Fact]
    public void The_encoding_refuses_an_empty_table()
    {
        var error = Assert.Throws<ArgumentException>(() => SinusoidalPositionalEncoding.Table(0, 3));
        Assert.Contains("got 0 and 3", error.Message);
    }

    [Fact]
    public void A_post_norm_block_matches_nn_TransformerEncoderLayer_in_values_and_gradients()
    {
        Reproducibility.Seed(42);
        var reference = nn.TransformerEncoderLayer(8, 2, 16, dropout: 0).to(Devices.Default);
        var ours = new TransformerEncoderBlock(8, 2, 16);
        ours.CopyFrom(reference);
        var x = randn(3, 5, 8, device: Devices.Default);
        var (x1, x2) = (x.clone().requires_grad_(), x.clone().requires_grad_());

        var expected = reference.call(x1.transpose(0, 1), null).transpose(0, 1);
        var actual = ours.call(x2);
        AssertClose(expected, actual, "output");

        var upstream = randn_like(expected);
        (expected * upstream).sum().backward();
        (actual * upstream).sum().backward();
        AssertClose(x1.grad!, x2.grad!, "gradient of the input");
        var theirs = reference.named_parameters().ToDictionary(p => p.name, p => p.parameter.grad!);
        var mine = ours.named_parameters().ToDictionary(p => p.name, p => p.parameter.grad!);
        AssertClose(theirs["linear1.weight"], mine["linear1.weight"], "gradient of W₁");
        AssertClose(theirs["norm1.weight"], mine["norm1.weight"], "gradient of the first layer norm's γ");
        AssertClose(theirs["self_attn.in_proj_weight"].chunk(3)[1], mine["attention.W_k.weight"], "gradient of W_k");
    }

    [Fact]
    public void A_padding_mask_makes_the_output_of_real_tokens_independent_of_the_padding()
    {
        Reproducibility.Seed(42);
        var block = new TransformerEncoderBlock(8, 2, 16);
        var x = randn(1, 5, 8, device: Devices.Default);
        var other = x.clone();
        other[0, 3] = randn(8, device: Devices.Default);                  // change what sits in the padded positions
        other[0, 4] = randn(8, device: Devices.Default);
        var realKeys = tensor(new[] { true, true, true, false, false }, device: Devices.Default).reshape(1, 1, 1, 5);

        var a = block.Apply(x, realKeys).narrow(1, 0, 3);
        var b = block.Apply(other, realKeys).narrow(1, 0, 3);

        AssertClose(a, b, "outputs of the three real tokens");
    }

    [Fact]
    public void A_pre_norm_block_matches_the_same_sublayers_composed_from_TorchSharp_modules()
    {
        Reproducibility.Seed(42);
        var block = new TransformerEncoderBlock(8, 2, 16, NormPlacement.PreNorm);
        var attention = nn.MultiheadAttention(8, 2).to(Devices.Default);
        block.Attention.CopyFrom(attention);
        var weights = block.state_dict();
        var (norm1, norm2) = (nn.LayerNorm(8).to(Devices.Default), nn.LayerNorm(8).to(Devices.Default));
        var (linear1, linear2) = (nn.Linear(8, 16).to(Devices.Default), nn.Linear(16, 8).to(Devices.Default));
        linear1.load_state_dict(new() { ["weight"] = weights["linear1.weight"], ["bias"] = weights["linear1.bias"] });
        linear2.load_state_dict(new() { ["weight"] = weights["linear2.weight"], ["bias"] = weights["linear2.bias"] });
        var x = randn(3, 5, 8, device: Devices.Default);

        var n1 = norm1.call(x).transpose(0, 1);
        var h = x + attention.call(n1, n1, n1, null, false, null).Item1.transpose(0, 1);
        var expected = h + linear2.call(nn.functional.relu(linear1.call(norm2.call(h))));

        AssertClose(expected, block.call(x), "output");
    }
}
