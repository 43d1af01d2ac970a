using Book.Attention;
using Book.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace Book.Tests.Attention;

public class ScaledDotProductAttentionTests
{
    static (Tensor Q, Tensor K, Tensor V) Inputs()
    {
        Reproducibility.Seed(42);
        return (randn(2, 3, 5, 4), randn(2, 3, 6, 4), randn(2, 3, 6, 7)); // [batch, heads, time, d]
    }

    static void AssertClose(Tensor expected, Tensor actual)
    {
        Assert.Equal(expected.shape, actual.shape);
        Assert.True(actual.allclose(expected, rtol: 1e-5, atol: 1e-6), $"max difference {(actual - expected).abs().max().ToDouble()}");
    }

    [Fact]
    public void Matches_TorchSharp_without_a_mask()
    {
        var (q, k, v) = Inputs();
        var (output, weights) = ScaledDotProductAttention.Apply(q, k, v);

        AssertClose(nn.functional.scaled_dot_product_attention(q, k, v), output);
        AssertClose(ones(2, 3, 5), weights.sum(-1));
    }

    [Fact]
    public void Gradients_match_TorchSharp()
    {
        var (q, k, v) = Inputs();
        var ours = new[] { q, k, v }.Select(t => t.clone().requires_grad_()).ToArray();
        var theirs = new[] { q, k, v }.Select(t => t.clone().requires_grad_()).ToArray();
        var upstream = randn(2, 3, 5, 7);

        (ScaledDotProductAttention.Apply(ours[0], ours[1], ours[2], causal: false).Output * upstream).sum().backward();
        (nn.functional.scaled_dot_product_attention(theirs[0], theirs[1], theirs[2]) * upstream).sum().backward();

        for (int i = 0; i < 3; i++) AssertClose(theirs[i].grad!, ours[i].grad!);
    }

    [Fact]
    public void Matches_TorchSharp_when_causal()
    {
        var (q, k, v) = Inputs();
        var (qs, ks, vs) = (q.narrow(2, 0, 5), k.narrow(2, 0, 5), v.narrow(2, 0, 5));

        var (output, weights) = ScaledDotProductAttention.Apply(qs, ks, vs, causal: true);

        AssertClose(nn.functional.scaled_dot_product_attention(qs, ks, vs, is_casual: true), output);
        Assert.Equal(0, weights.triu(1).abs().sum().ToDouble()); // no weight on later positions
    }

    [Fact]
    public void Matches_TorchSharp_with_a_boolean_mask_where_true_means_attend()
    {
        var (q, k, v) = Inputs();
        var mask = rand(5, 6).gt(0.3);
        mask[TensorIndex.Colon, 0] = tensor(true); // every query keeps at least one key

        var (output, weights) = ScaledDotProductAttention.Apply(q, k, v, mask);

        AssertClose(nn.functional.scaled_dot_product_attention(q, k, v, mask), output);
        Assert.Equal(0, weights.masked_select(mask.logical_not().expand_as(weights)).abs().sum().ToDouble());
    }

    [Fact]
    public void Matches_TorchSharp_with_an_additive_mask()
    {
        var (q, k, v) = Inputs();
        var bias = randn(5, 6);

        var (output, _) = ScaledDotProductAttention.Apply(q, k, v, bias);

        AssertClose(nn.functional.scaled_dot_product_attention(q, k, v, bias), output);
    }

    [Fact]
    public void Equals_the_formula_on_a_hand_sized_example()
    {
        // One query [1, 0], keys [1, 0] and [0, 1]: scores 1/√2 and 0, weights softmax → e^(1/√2) / (e^(1/√2) + 1).
        var q = tensor(new float[] { 1, 0 }, 1, 2);
        var k = tensor(new float[] { 1, 0, 0, 1 }, 2, 2);
        var v = tensor(new float[] { 10, 20 }, 2, 1);

        var (output, weights) = ScaledDotProductAttention.Apply(q, k, v);

        double w = Math.Exp(1 / Math.Sqrt(2)) / (Math.Exp(1 / Math.Sqrt(2)) + 1);
        Assert.Equal(w, weights[0, 0].ToDouble(), tolerance: 1e-6);
        Assert.Equal(10 * w + 20 * (1 - w), output[0, 0].ToDouble(), tolerance: 1e-5);
    }

    [Fact]
    public void Keys_of_another_size_are_named_in_the_error()
    {
        var error = Assert.Throws<ArgumentException>(() => ScaledDotProductAttention.Apply(zeros(5, 4), zeros(6, 3), zeros(6, 2)));
        Assert.Contains("d_k = 4, got key of shape [6, 3]", error.Message);
    }
}
