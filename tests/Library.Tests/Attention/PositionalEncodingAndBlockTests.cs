using Book.Attention;
using Book.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace Book.Tests.Attention;

public class PositionalEncodingAndBlockTests
{
    [Theory]
    [InlineData(8)]
    [InlineData(5)]
    public void The_positional_encoding_follows_the_sine_cosine_formula(int d)
    {
        using var table = SinusoidalPositionalEncoding.Table(d, 50);

        for (int pos = 0; pos < 50; pos += 7)
            for (int i = 0; i < d; i++)
            {
                double angle = pos / Math.Pow(10000, 2 * (i / 2) / (double)d);
                double expected = i % 2 == 0 ? Math.Sin(angle) : Math.Cos(angle);
                Assert.Equal(expected, table[pos, i].ToDouble(), 5);
            }
    }

    [Fact]
    public void The_encoding_is_added_and_refuses_sequences_longer_than_it_covers()
    {
        var encoding = new SinusoidalPositionalEncoding(4, maxLength: 3);
        using var x = zeros(2, 3, 4, device: Devices.Default);

        using var encoded = encoding.call(x);

        Assert.Equal([0.0, 1, 0, 1], encoded[1, 0].cpu().to_type(ScalarType.Float64).data<double>().ToArray());
        var error = Assert.Throws<ArgumentException>(() => encoding.call(zeros(1, 4, 4, device: Devices.Default)));
        Assert.Contains("at most 3 positions, got 4", error.Message);
    }

    [Fact]
    public void A_post_norm_block_matches_nn_TransformerEncoderLayer_with_copied_weights()
    {
        Reproducibility.Seed(42);
        var reference = nn.TransformerEncoderLayer(8, 2, 16, dropout: 0).to(Devices.Default);
        var ours = new TransformerEncoderBlock(8, 2, 16, dropout: 0);
        var theirs = reference.state_dict();
        var w = theirs["self_attn.in_proj_weight"].chunk(3);
        var b = theirs["self_attn.in_proj_bias"].chunk(3);
        ours.load_state_dict(new Dictionary<string, Tensor>
        {
            ["attention.W_q.weight"] = w[0], ["attention.W_q.bias"] = b[0],
            ["attention.W_k.weight"] = w[1], ["attention.W_k.bias"] = b[1],
            ["attention.W_v.weight"] = w[2], ["attention.W_v.bias"] = b[2],
            ["attention.W_o.weight"] = theirs["self_attn.out_proj.weight"], ["attention.W_o.bias"] = theirs["self_attn.out_proj.bias"],
            ["linear1.weight"] = theirs["linear1.weight"], ["linear1.bias"] = theirs["linear1.bias"],
            ["linear2.weight"] = theirs["linear2.weight"], ["linear2.bias"] = theirs["linear2.bias"],
            ["norm1.weight"] = theirs["norm1.weight"], ["norm1.bias"] = theirs["norm1.bias"],
            ["norm2.weight"] = theirs["norm2.weight"], ["norm2.bias"] = theirs["norm2.bias"],
        });
        ours.eval();
        reference.eval();
        var x = randn(3, 5, 8, device: Devices.Default);

        var expected = reference.call(x.transpose(0, 1), null).transpose(0, 1);
        var actual = ours.call(x);

        Assert.True(actual.allclose(expected, rtol: 1e-5, atol: 1e-5), $"max difference {(actual - expected).abs().max().ToDouble()}");
    }

    [Fact]
    public void A_pre_norm_block_matches_the_same_sublayers_composed_from_TorchSharp_modules()
    {
        Reproducibility.Seed(42);
        var block = new TransformerEncoderBlock(8, 2, 16, dropout: 0, norm: NormPlacement.PreNorm);
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
        var actual = block.call(x);

        Assert.True(actual.allclose(expected, rtol: 1e-5, atol: 1e-5), $"max difference {(actual - expected).abs().max().ToDouble()}");
    }
}
