using Book.Initialisation;
using Book.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace Book.Tests.Initialisation;

public class InitialisationTests
{
    /// <summary>Fills two identical tensors, one with ours and one with torch.nn.init, from the same seed.</summary>
    static void AssertSameAsTorch(Initialiser ours, Action<Tensor> theirs)
    {
        var a = empty(64, 200);
        var b = empty(64, 200);
        Reproducibility.Seed(11);
        ours.Fill(a);
        Reproducibility.Seed(11);
        using (no_grad()) theirs(b);
        Assert.True(a.allclose(b, rtol: 1e-6, atol: 0), $"{ours} differs from torch.nn.init by up to {(a - b).abs().max().item<float>():G3}.");
    }

    [Fact]
    public void Xavier_uniform_is_torch_xavier_uniform() => AssertSameAsTorch(Xavier.Uniform(), t => nn.init.xavier_uniform_(t));

    /// <summary>
    /// TorchSharp 0.107's <c>xavier_normal_</c> calls the native <c>xavier_uniform_</c> (a bug), so it cannot
    /// be the reference for Xavier normal. This test pins the bug down; when it starts failing, TorchSharp
    /// has fixed it and Xavier normal can be compared with it directly.
    /// </summary>
    [Fact]
    public void TorchSharp_xavier_normal_is_actually_uniform() => AssertSameAsTorch(Xavier.Uniform(), t => nn.init.xavier_normal_(t));

    [Fact]
    public void Xavier_normal_is_Gaussian_with_the_Xavier_deviation()
    {
        Reproducibility.Seed(4);
        var w = Xavier.Normal().Sample(600, 400, ScalarType.Float64);
        double sigma = Math.Sqrt(2.0 / 1000);
        var z = w / w.std();
        double kurtosis = z.pow(4).mean().item<double>();
        Assert.InRange(w.std().item<double>() / sigma, 0.99, 1.01);
        Assert.InRange(kurtosis, 2.9, 3.1); // a Gaussian has kurtosis 3, a uniform 1.8
    }

    [Fact]
    public void He_normal_is_torch_kaiming_normal_for_relu() =>
        AssertSameAsTorch(He.Normal(), t => nn.init.kaiming_normal_(t, mode: nn.init.FanInOut.FanIn, nonlinearity: nn.init.NonlinearityType.ReLU));

    [Fact]
    public void He_uniform_is_torch_kaiming_uniform_for_relu() =>
        AssertSameAsTorch(He.Uniform(), t => nn.init.kaiming_uniform_(t, mode: nn.init.FanInOut.FanIn, nonlinearity: nn.init.NonlinearityType.ReLU));

    [Fact]
    public void The_comparison_can_fail_Xavier_is_not_He() => Assert.Throws<Xunit.Sdk.TrueException>(() =>
        AssertSameAsTorch(Xavier.Normal(), t => nn.init.kaiming_normal_(t, nonlinearity: nn.init.NonlinearityType.ReLU)));

    [Theory]
    [InlineData("xavier-normal", 0.0)]
    [InlineData("xavier-uniform", 0.0)]
    [InlineData("he-normal", 0.0)]
    [InlineData("he-uniform", 0.0)]
    [InlineData("lecun", 0.0)]
    public void Sample_standard_deviation_is_the_formula_for_a_wide_layer(string scheme, double mean)
    {
        const long fanIn = 1024, fanOut = 512;
        (Initialiser init, double sigma) = scheme switch
        {
            "xavier-normal" => ((Initialiser)Xavier.Normal(), Math.Sqrt(2.0 / (fanIn + fanOut))),
            "xavier-uniform" => (Xavier.Uniform(), Math.Sqrt(6.0 / (fanIn + fanOut)) / Math.Sqrt(3)),
            "he-normal" => (He.Normal(), Math.Sqrt(2.0 / fanIn)),
            "he-uniform" => (He.Uniform(), Math.Sqrt(6.0 / fanIn) / Math.Sqrt(3)),
            _ => (new LeCun(), 1 / Math.Sqrt(fanIn)),
        };
        Reproducibility.Seed(3);
        var w = init.Sample(fanOut, fanIn, ScalarType.Float64);
        Assert.Equal(sigma, init.StandardDeviation(new Fans(fanIn, fanOut)), 12);
        Assert.InRange(w.std().item<double>() / sigma, 0.99, 1.01);
        Assert.InRange(w.mean().item<double>(), mean - 0.01 * sigma, mean + 0.01 * sigma);
    }

    [Fact]
    public void Uniform_samples_stay_inside_the_bound()
    {
        var w = He.Uniform().Sample(256, 100);
        Assert.True(w.abs().max().item<float>() <= Math.Sqrt(6.0 / 100) + 1e-6);
    }

    [Fact]
    public void Zeros_and_a_fixed_normal()
    {
        var w = randn(10, 10);
        new Zeros().Fill(w);
        Assert.Equal(0, w.abs().sum().item<float>());
        Reproducibility.Seed(5);
        var n = new Normal(0.01).Sample(400, 400, ScalarType.Float64);
        Assert.InRange(n.std().item<double>(), 0.0099, 0.0101);
    }

    [Fact]
    public void The_variance_is_the_square_of_the_standard_deviation_not_its_root()
    {
        // Seed 002 §4.3 writes N(0, 1/√n): read as a variance that is σ = n^(−1/4), not LeCun's σ = 1/√n.
        var fans = new Fans(400, 400);
        Assert.Equal(1.0 / 400, new LeCun().Variance(fans), 15);
        Assert.NotEqual(1 / Math.Sqrt(400), new LeCun().Variance(fans));
    }

    [Fact]
    public void Fans_of_a_convolution_multiply_by_the_kernel_size()
    {
        Assert.Equal(new Fans(3 * 5 * 5, 16 * 5 * 5), Fans.Of(empty(16, 3, 5, 5)));
        Assert.Equal(new Fans(20, 7), Fans.Of(empty(7, 20)));
    }

    [Fact]
    public void A_bias_has_no_fans_and_the_error_says_its_shape()
    {
        var error = Assert.Throws<ArgumentException>(() => Fans.Of(empty(8)));
        Assert.Contains("[8]", error.Message);
    }

    [Fact]
    public void A_constant_fills_every_weight_with_its_value_and_keeps_the_units_identical()
    {
        var w = randn(5, 3);
        new Constant(0.3).Fill(w);
        Assert.True(w.eq(0.3f).all().item<bool>());
        Assert.Equal(0, new Constant(0.3).StandardDeviation(new Fans(3, 5)));
        Assert.Equal("Constant (0.3)", new Constant(0.3).ToString());
    }

    [Fact]
    public void Apply_fills_weight_matrices_zeroes_their_biases_and_leaves_normalisation_layers_alone()
    {
        var model = nn.Sequential(nn.Linear(4, 6), nn.LayerNorm(6), nn.Linear(6, 2));
        using (no_grad()) foreach (var p in model.parameters()) p.fill_(7);
        var returned = new Constant(0.5).Apply(model);
        Assert.Same(model, returned);
        var parameters = model.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        Assert.True(parameters["0.weight"].eq(0.5f).all().item<bool>());
        Assert.True(parameters["2.weight"].eq(0.5f).all().item<bool>());
        Assert.True(parameters["0.bias"].eq(0f).all().item<bool>());
        Assert.True(parameters["1.weight"].eq(7f).all().item<bool>(), "the layer norm's scale γ must be left alone");
        Assert.True(parameters["1.bias"].eq(7f).all().item<bool>(), "the layer norm's shift β must be left alone");
    }

    [Fact]
    public void Apply_uses_the_schemes_deviation_for_each_layers_fans()
    {
        Reproducibility.Seed(2);
        var model = He.Normal().Apply(nn.Sequential(nn.Linear(1000, 300), nn.ReLU(), nn.Linear(300, 1000)));
        var weights = model.parameters().Where(p => p.dim() == 2).ToArray();
        Assert.InRange(weights[0].std().item<float>() / Math.Sqrt(2.0 / 1000), 0.98, 1.02);
        Assert.InRange(weights[1].std().item<float>() / Math.Sqrt(2.0 / 300), 0.98, 1.02);
    }
}
