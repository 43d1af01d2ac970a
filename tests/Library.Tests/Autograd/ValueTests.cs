using Book.Autograd;
using TorchSharp;
using static TorchSharp.torch;

namespace Book.Tests.Autograd;

public class ValueTests
{
    /// <summary>A formula that uses every operation of <see cref="Value"/>, and x twice.</summary>
    static Value Formula(Value x, Value y, Value z) =>
        ((x * y + z.Pow(3)) / (x - 4)).Tanh() + (y.Exp() + 1).Log() * x.Sigmoid() - (z * 2).Relu() + (-x);

    static Tensor Formula(Tensor x, Tensor y, Tensor z) =>
        ((x * y + z.pow(3)) / (x - 4)).tanh() + (y.exp() + 1).log() * x.sigmoid() - (z * 2).relu() + (-x);

    [Theory]
    [InlineData(1.5, -0.7, 0.8)]
    [InlineData(-2.0, 0.3, -1.1)]
    public void Gradients_match_TorchSharp_autograd(double x0, double y0, double z0)
    {
        var (x, y, z) = (new Value(x0, "x"), new Value(y0, "y"), new Value(z0, "z"));
        var output = Formula(x, y, z);
        output.Backward();

        var tx = tensor(x0, requires_grad: true);
        var ty = tensor(y0, requires_grad: true);
        var tz = tensor(z0, requires_grad: true);
        var reference = Formula(tx, ty, tz);
        reference.backward();

        Assert.Equal(reference.item<double>(), output.Data, 12);
        Assert.Equal(tx.grad!.item<double>(), x.Grad, 12);
        Assert.Equal(ty.grad!.item<double>(), y.Grad, 12);
        Assert.Equal(tz.grad!.item<double>(), z.Grad, 12);
    }

    [Fact]
    public void Gradients_match_central_differences()
    {
        double[] at = { 0.9, -0.4, 0.6 };
        var leaves = at.Select(v => new Value(v)).ToArray();
        Formula(leaves[0], leaves[1], leaves[2]).Backward();
        const double h = 1e-6;
        for (int i = 0; i < 3; i++)
        {
            double[] plus = (double[])at.Clone(), minus = (double[])at.Clone();
            plus[i] += h;
            minus[i] -= h;
            double numerical = (Formula(new Value(plus[0]), new Value(plus[1]), new Value(plus[2])).Data - Formula(new Value(minus[0]), new Value(minus[1]), new Value(minus[2])).Data) / (2 * h);
            Assert.Equal(numerical, leaves[i].Grad, 7);
        }
    }

    [Fact]
    public void A_value_used_twice_receives_both_contributions()
    {
        var a = new Value(3);
        var b = a * a + a; // db/da = 2a + 1 = 7
        b.Backward();
        Assert.Equal(7, a.Grad);
    }

    [Fact]
    public void Backward_twice_gives_the_same_gradients_not_double()
    {
        var a = new Value(2);
        var b = a.Pow(3);
        b.Backward();
        b.Backward();
        Assert.Equal(12, a.Grad);
    }

    [Fact]
    public void Topological_order_puts_inputs_before_outputs()
    {
        var a = new Value(1, "a");
        var c = (a + 2) * a;
        var order = c.TopologicalOrder().ToList();
        Assert.Same(c, order[^1]);
        for (int i = 0; i < order.Count; i++)
            foreach (var child in order[i].Children)
                Assert.True(order.IndexOf(child) < i, "Expected every input before the node that uses it.");
    }

    [Fact]
    public void Graph_lists_every_node_with_data_and_grad()
    {
        var w = new Value(-3, "w");
        var x = new Value(2, "x");
        var n = (w * x).Tanh();
        n.Label = "out";
        n.Backward();
        var graph = n.Graph();
        Assert.Equal(4, graph.Split('\n').Length);
        Assert.Contains("out", graph);
        Assert.Contains("tanh(", graph);
        Assert.Contains("w * x", graph);
    }

    [Fact]
    public void Log_of_a_non_positive_number_names_it()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new Value(-0.5).Log());
        Assert.Contains("-0.5", error.Message);
    }
}
