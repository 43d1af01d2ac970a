using Book.Initialisation;
using Book.Models;
using Book.Normalisation;
using TorchSharp;
using static TorchSharp.torch;

namespace Book.Tests.Models;

public class ResidualAndLayerNormTests
{
    [Fact]
    public void Layer_norm_matches_TorchSharp_values_and_gradients()
    {
        var generator = new torch.Generator(3);
        var x = (5 * randn(new long[] { 4, 6 }, generator: generator) + 2).requires_grad_(true);
        var upstream = randn(new long[] { 4, 6 }, generator: generator);
        var ours = new LayerNorm(6);
        var theirs = nn.LayerNorm(6);
        using (no_grad())
        {
            ours.parameters().First().copy_(randn(6, generator: generator));
            theirs.weight!.copy_(ours.parameters().First());
        }
        var a = ours.call(x);
        var b = theirs.call(x);
        Assert.True(a.allclose(b, rtol: 1e-5, atol: 1e-5), "values differ");
        var gradA = autograd.grad([(a * upstream).sum()], [x])[0];
        var gradB = autograd.grad([(b * upstream).sum()], [x])[0];
        Assert.True(gradA.allclose(gradB, rtol: 1e-4, atol: 1e-5), "gradients differ");
    }

    [Fact]
    public void Layer_norm_gives_each_sample_mean_zero_and_variance_one_whatever_its_scale()
    {
        var x = tensor(new double[,] { { 1e-3, 3e-3, 5e-3 }, { 100, -300, 200 } }).to_type(ScalarType.Float32);
        var y = new LayerNorm(3, epsilon: 1e-12).call(x);
        Assert.True(y.mean(new long[] { 1 }).abs().max().item<float>() < 1e-5);
        Assert.True((y.var(1, unbiased: false) - 1).abs().max().item<float>() < 1e-3);
        Assert.Contains("[2, 4]", Assert.Throws<ArgumentException>(() => new LayerNorm(3).call(zeros(2, 4))).Message);
    }

    [Fact]
    public void Layer_norm_trains_its_scale_and_shift_after_moving_to_double_precision()
    {
        var norm = new LayerNorm(3);
        norm.to(ScalarType.Float64);
        var x = tensor(new double[,] { { 1, 2, 4 }, { -1, 0, 3 } });
        var y = norm.call(x);
        Assert.Equal(ScalarType.Float64, y.dtype);
        (y * tensor(new double[] { 1, -2, 3 })).sum().backward();
        Assert.All(norm.parameters(), p => Assert.Equal(ScalarType.Float64, p.dtype));
        Assert.All(norm.parameters(), p => Assert.True(p.grad is not null && p.grad.abs().sum().item<double>() > 0,
            "after .to(float64) the registered γ and β must be the ones forward uses"));
    }

    [Fact]
    public void A_residual_block_adds_its_input_and_passes_gradients_straight_through()
    {
        var branch = new Constant(0).Apply(nn.Linear(3, 3));
        var block = new Residual(branch);
        var x = tensor(new[] { 1.0f, -2f, 3f }).requires_grad_(true);
        var y = block.call(x);
        Assert.True(y.eq(x).all().item<bool>(), "a branch that outputs 0 makes the block the identity");
        y.sum().backward();
        Assert.True(x.grad!.eq(ones(3)).all().item<bool>(), "the identity path carries the gradient unchanged");
        Assert.Equal(2, block.parameters().Count());
        Assert.Throws<InvalidOperationException>(() => new Residual(nn.Linear(3, 2)).call(zeros(1, 3)));
    }

    [Fact]
    public void Layer_statistics_measure_every_layer_and_find_vanishing_signals()
    {
        var generator = new torch.Generator(5);
        var layers = Enumerable.Range(0, 6).Select(_ => (nn.Module<Tensor, Tensor>)new Normal(0.01).Apply(nn.Linear(64, 64, hasBias: false))).ToList();
        var input = randn(new long[] { 32, 64 }, generator: generator);
        var statistics = LayerStatistics.Measure(layers, input, randn(new long[] { 32, 64 }, generator: generator));
        Assert.Equal(6, statistics.Activations.Count);
        Assert.Equal(6, statistics.Gradients.Count);
        for (int l = 1; l < 6; l++)
            Assert.InRange(statistics.Activations[l] / statistics.Activations[l - 1], 0.05, 0.12);   // × σ√n = 0.08 per layer
        var error = Assert.Throws<ArgumentException>(() => LayerStatistics.Measure([nn.ReLU()], input, input));
        Assert.Contains("layer 1", error.Message);
    }
}
