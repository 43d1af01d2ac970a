using Book.Autograd;

namespace Book.Tests.Autograd;

public class DualTests
{
    /// <summary>The formula of <see cref="ValueTests"/>, once for dual numbers and once for Values.</summary>
    static Dual Formula(Dual x, Dual y, Dual z) =>
        ((x * y + z.Pow(3)) / (x - 4)).Tanh() + (y.Exp() + 1).Log() * x.Sigmoid() - (z * 2).Relu() + (-x);

    static Value Formula(Value x, Value y, Value z) =>
        ((x * y + z.Pow(3)) / (x - 4)).Tanh() + (y.Exp() + 1).Log() * x.Sigmoid() - (z * 2).Relu() + (-x);

    [Theory]
    [InlineData(1.5, -0.7, 0.8)]
    [InlineData(-2.0, 0.3, -1.1)]
    public void One_forward_pass_per_input_gives_the_gradient_one_backward_pass_gives(double x0, double y0, double z0)
    {
        var (x, y, z) = (new Value(x0), new Value(y0), new Value(z0));
        var reverse = Formula(x, y, z);
        reverse.Backward();
        var alongX = Formula(Dual.Variable(x0), y0, z0);
        var alongY = Formula(x0, Dual.Variable(y0), z0);
        var alongZ = Formula(x0, y0, Dual.Variable(z0));
        Assert.Equal(reverse.Data, alongX.Value, 12);
        Assert.Equal(x.Grad, alongX.Derivative, 12);
        Assert.Equal(y.Grad, alongY.Derivative, 12);
        Assert.Equal(z.Grad, alongZ.Derivative, 12);
    }

    [Fact]
    public void A_constant_carries_no_derivative_and_a_variable_carries_one()
    {
        Assert.Equal(new Dual(3, 0), (Dual)3);
        Assert.Equal(new Dual(3, 1), Dual.Variable(3));
        Assert.Equal(new Dual(9, 6), Dual.Variable(3) * Dual.Variable(3));   // (x²)′ = 2x
        Assert.Equal("9.0000 + 6.0000ε", (Dual.Variable(3) * Dual.Variable(3)).ToString());
    }

    [Fact]
    public void A_wrong_rule_would_be_caught_the_product_rule_is_not_the_product_of_derivatives() =>
        Assert.NotEqual(Dual.Variable(3).Derivative * Dual.Variable(3).Derivative, (Dual.Variable(3) * Dual.Variable(3)).Derivative);
}
