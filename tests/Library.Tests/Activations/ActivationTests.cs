using Book.Activations;
using TorchSharp;
using static TorchSharp.torch;

namespace Book.Tests.Activations;

public class ActivationTests
{
    static Tensor Inputs() => linspace(-8, 8, 161, ScalarType.Float64);

    static void AssertClose(Tensor expected, Tensor actual, double tolerance = 1e-12)
    {
        double worst = (expected - actual).abs().max().item<double>();
        Assert.True(worst <= tolerance, $"Expected agreement within {tolerance:G3}, got a largest difference of {worst:G3}.");
    }

    /// <summary>d f(z)/dz for every z by TorchSharp's autograd (the sum's gradient is the diagonal of the Jacobian).</summary>
    static Tensor AutogradDerivative(Func<Tensor, Tensor> f, Tensor z)
    {
        var leaf = z.clone().requires_grad_(true);
        f(leaf).sum().backward();
        return leaf.grad!;
    }

    public static TheoryData<string> Elementwise => new() { "sigmoid", "tanh", "relu", "gelu", "leaky" };

    static (ElementwiseActivation Ours, Func<Tensor, Tensor> Torch) Pair(string name) => name switch
    {
        "sigmoid" => (new Sigmoid(), torch.sigmoid),
        "tanh" => (new Tanh(), torch.tanh),
        "relu" => (new ReLU(), z => nn.functional.relu(z)),
        "gelu" => (new GELU(), z => nn.functional.gelu(z)),
        "leaky" => (new LeakyReLU(0.1), z => nn.functional.leaky_relu(z, 0.1)),
        _ => throw new ArgumentException(name),
    };

    [Theory, MemberData(nameof(Elementwise))]
    public void Forward_matches_TorchSharp(string name)
    {
        var (ours, theirs) = Pair(name);
        var z = Inputs();
        AssertClose(theirs(z), ours.call(z));
    }

    [Theory, MemberData(nameof(Elementwise))]
    public void Derivative_matches_autograd(string name)
    {
        var (ours, theirs) = Pair(name);
        var z = Inputs();
        AssertClose(AutogradDerivative(theirs, z), ours.Derivative(z));
    }

    [Theory, MemberData(nameof(Elementwise))]
    public void Backward_multiplies_the_upstream_gradient(string name)
    {
        var (ours, theirs) = Pair(name);
        var z = randn(4, 6, dtype: ScalarType.Float64);
        var upstream = randn(4, 6, dtype: ScalarType.Float64);
        var leaf = z.clone().requires_grad_(true);
        theirs(leaf).backward(new[] { upstream });
        AssertClose(leaf.grad!, ours.Backward(z, upstream));
    }

    [Fact]
    public void Sigmoid_and_tanh_do_not_overflow_for_huge_inputs()
    {
        var z = tensor(new[] { -1000.0, 1000.0 });
        Assert.Equal(new[] { 0.0, 1.0 }, new Sigmoid().call(z).data<double>().ToArray());
        Assert.Equal(new[] { -1.0, 1.0 }, new Tanh().call(z).data<double>().ToArray());
        Assert.Equal(new[] { 0.0, 0.0 }, new Sigmoid().Derivative(z).data<double>().ToArray());
    }

    [Fact]
    public void Tanh_keeps_full_relative_precision_for_tiny_inputs_in_float32()
    {
        // tanh z ≈ z near 0; a formula (1 − e^(−2|z|)) / (1 + e^(−2|z|)) rounds to exactly 0 in float32
        // below |z| ≈ 3e-8, which would fake a "vanished" signal in chapter 5's deep networks.
        var z = tensor(new[] { 1e-3f, -1e-9f, 1e-20f, 3e-30f });
        var relative = ((new Tanh().call(z) - z.tanh()) / z.tanh()).abs().max().item<float>();
        Assert.True(relative < 1e-6f, $"Expected float32 relative precision, got a relative error of {relative:G3}.");
    }

    [Fact]
    public void Leaky_relu_passes_a_gradient_for_negative_inputs_and_relu_does_not()
    {
        var negative = tensor(new[] { -3.0, -0.5 });
        Assert.Equal(new[] { 0.01, 0.01 }, new LeakyReLU().Derivative(negative).data<double>().ToArray());
        Assert.Equal(new[] { 0.0, 0.0 }, new ReLU().Derivative(negative).data<double>().ToArray());
        Assert.Throws<ArgumentOutOfRangeException>(() => new LeakyReLU(1.5));
    }

    [Fact]
    public void Sigmoid_derivative_peaks_at_one_quarter() => Assert.Equal(0.25, new Sigmoid().Derivative(tensor(0.0)).item<double>(), 15);

    [Fact]
    public void Softmax_matches_TorchSharp_and_sums_to_one()
    {
        var z = 5 * randn(3, 7, dtype: ScalarType.Float64);
        var s = new Softmax().call(z);
        AssertClose(z.softmax(-1), s);
        AssertClose(ones(3, dtype: ScalarType.Float64), s.sum(-1));
    }

    [Fact]
    public void Softmax_backward_matches_autograd()
    {
        var z = randn(3, 5, dtype: ScalarType.Float64);
        var upstream = randn(3, 5, dtype: ScalarType.Float64);
        var leaf = z.clone().requires_grad_(true);
        leaf.softmax(-1).backward(new[] { upstream });
        AssertClose(leaf.grad!, new Softmax().Backward(z, upstream));
    }

    [Fact]
    public void Softmax_jacobian_matches_autograd_row_by_row()
    {
        var z = randn(5, dtype: ScalarType.Float64);
        var jacobian = new Softmax().Jacobian(z);
        for (int i = 0; i < 5; i++)
        {
            var leaf = z.clone().requires_grad_(true);
            leaf.softmax(-1)[i].backward();
            AssertClose(leaf.grad!, jacobian[i]);
        }
    }

    [Fact]
    public void Softmax_does_not_overflow() =>
        AssertClose(tensor(new[] { 0.5, 0.5 }), new Softmax().call(tensor(new[] { 1000.0, 1000.0 })));

    [Fact]
    public void A_mismatched_upstream_gradient_names_both_shapes()
    {
        var error = Assert.Throws<ArgumentException>(() => new ReLU().Backward(zeros(2, 3), zeros(3, 2)));
        Assert.Contains("[2, 3]", error.Message);
        Assert.Contains("[3, 2]", error.Message);
    }
}
