using Book.Autograd;
using TorchSharp;
using static TorchSharp.torch;

namespace Book.Tests.Autograd;

public class GradientCheckTests
{
    [Fact]
    public void Numerical_gradient_of_a_sum_of_cubes_is_three_x_squared()
    {
        var x = tensor(new[] { -1.5, 0.0, 2.0, 0.3 });
        var numerical = GradientCheck.Numerical(t => t.pow(3).sum(), x);
        Assert.True(numerical.allclose(3 * x.square(), rtol: 1e-8, atol: 1e-8));
    }

    [Fact]
    public void Autograd_of_a_two_layer_network_agrees_with_finite_differences()
    {
        var generator = new torch.Generator(7);
        var input = randn(new long[] { 5, 3 }, generator: generator);
        var target = randn(new long[] { 5, 2 }, generator: generator);
        var w1 = randn(new long[] { 4, 3 }, generator: generator);
        var b1 = randn(new long[] { 4 }, generator: generator);
        var w2 = randn(new long[] { 2, 4 }, generator: generator);
        var report = GradientCheck.Check(p =>
        {
            var hidden = (input.to_type(ScalarType.Float64).matmul(p[0].t()) + p[1]).sigmoid();
            return (hidden.matmul(p[2].t()) - target.to_type(ScalarType.Float64)).square().mean();
        }, ("W1", w1), ("b1", b1), ("W2", w2));
        Assert.Equal(3, report.Rows.Count);
        Assert.True(report.Agrees(1e-6), report.ToString());
    }

    [Fact]
    public void A_gradient_missing_the_factor_two_is_caught()
    {
        var x = tensor(new[] { 1.0, -2.0, 0.5 });
        var numerical = GradientCheck.Numerical(t => t.square().sum(), x);
        var wrong = GradientCheck.Compare("x", x.clone(), numerical); // d(x²)/dx written as x
        var right = GradientCheck.Compare("x", 2 * x, numerical);
        Assert.False(wrong.Agrees());
        Assert.InRange(wrong.MaxRelativeError, 0.49, 0.51);
        Assert.True(right.Agrees());
    }

    [Fact]
    public void A_row_prints_the_bound_when_it_agrees_and_the_error_when_it_does_not()
    {
        var x = tensor(new[] { 1.0, -2.0, 0.5 });
        var numerical = GradientCheck.Numerical(t => t.square().sum(), x);
        Assert.EndsWith("max|∂| =    4.0000   relative error < 1e-6 ✓", GradientCheck.Compare("x", 2 * x, numerical).ToString());
        Assert.EndsWith("relative error 0.5 ✗", GradientCheck.Compare("x", x.clone(), numerical).ToString());
    }

    [Fact]
    public void Central_differences_evaluate_the_function_twice_per_element()
    {
        int evaluations = 0;
        GradientCheck.Numerical(t => { evaluations++; return t.square().sum(); }, zeros(3, 4));
        Assert.Equal(2 * 12, evaluations);
    }

    [Fact]
    public void The_point_is_not_modified()
    {
        var x = tensor(new[] { 1.0, 2.0 });
        GradientCheck.Numerical(t => t.prod(), x);
        Assert.Equal(new[] { 1.0, 2.0 }, x.data<double>().ToArray());
    }

    [Fact]
    public void A_function_that_is_not_scalar_is_refused_with_its_shape()
    {
        var error = Assert.Throws<ArgumentException>(() => GradientCheck.Numerical(t => t * 2, ones(3)));
        Assert.Contains("[3]", error.Message);
    }

    [Fact]
    public void Shapes_must_match_to_compare()
    {
        var error = Assert.Throws<ArgumentException>(() => GradientCheck.Compare("W", zeros(2, 3), zeros(3, 2)));
        Assert.Contains("[3, 2]", error.Message);
        Assert.Contains("[2, 3]", error.Message);
    }
}
