using Book.Attention;
using Book.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace Book.Tests.Attention;

public class MultiHeadAttentionTests
{
    static void AssertClose(Tensor expected, Tensor actual)
    {
        Assert.Equal(expected.shape, actual.shape);
        Assert.True(actual.allclose(expected, rtol: 1e-5, atol: 1e-5), $"max difference {(actual - expected).abs().max().ToDouble()}");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Matches_nn_MultiheadAttention_with_copied_weights(bool causal)
    {
        Reproducibility.Seed(42);
        var reference = nn.MultiheadAttention(8, 2).to(Devices.Default);
        var ours = new MultiHeadAttention(8, 2);
        ours.CopyFrom(reference);
        var x = randn(3, 5, 8, device: Devices.Default);                    // [batch, time, d]
        var memory = randn(3, 5, 8, device: Devices.Default);
        var blocked = full(5, 5, double.NegativeInfinity, device: Devices.Default).triu(1); // an additive mask: −∞ above the diagonal

        var (output, weights) = ours.Apply(x, memory, memory, causal: causal);
        var (expected, expectedWeights) = reference.call(x.transpose(0, 1), memory.transpose(0, 1), memory.transpose(0, 1),
            null, true, causal ? blocked : null);                            // time first, weights averaged over heads

        AssertClose(expected.transpose(0, 1), output);
        AssertClose(expectedWeights, weights.mean([1]));
    }

    [Fact]
    public void Gradients_match_nn_MultiheadAttention()
    {
        Reproducibility.Seed(42);
        var reference = nn.MultiheadAttention(8, 2).to(Devices.Default);
        var ours = new MultiHeadAttention(8, 2);
        ours.CopyFrom(reference);
        var x = randn(3, 5, 8, device: Devices.Default);
        var (x1, x2) = (x.clone().requires_grad_(), x.clone().requires_grad_());
        var upstream = randn(3, 5, 8, device: Devices.Default);

        var t = x1.transpose(0, 1);
        (reference.call(t, t, t, null, false, null).Item1.transpose(0, 1) * upstream).sum().backward();
        (ours.call(x2, x2, x2) * upstream).sum().backward();

        AssertClose(x1.grad!, x2.grad!);
        var theirs = reference.named_parameters().ToDictionary(p => p.name, p => p.parameter.grad!);
        var mine = ours.named_parameters().ToDictionary(p => p.name, p => p.parameter.grad!);
        AssertClose(theirs["in_proj_weight"].chunk(3)[0], mine["W_q.weight"]);
        AssertClose(theirs["in_proj_bias"].chunk(3)[2], mine["W_v.bias"]);
        AssertClose(theirs["out_proj.weight"], mine["W_o.weight"]);
    }

    [Fact]
    public void A_model_width_that_heads_do_not_divide_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => new MultiHeadAttention(10, 3));
        Assert.Contains("got 10 and 3 heads", error.Message);
    }

    [Fact]
    public void Inputs_of_another_model_size_are_named_in_the_error()
    {
        var attention = new MultiHeadAttention(8, 2);
        var error = Assert.Throws<ArgumentException>(() => attention.call(zeros(2, 5, 6), zeros(2, 5, 6), zeros(2, 5, 6)));
        Assert.Equal("expected query of shape [batch, time, 8], got [2, 5, 6]", error.Message);
    }
}
