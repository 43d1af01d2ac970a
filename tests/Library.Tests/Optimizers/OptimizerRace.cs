using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using BookOptimizer = Book.Optimizers.Optimizer;

namespace Book.Tests.Optimizers;

/// <summary>
/// Runs a from-scratch optimizer and a TorchSharp one side by side on the same small regression
/// network (tanh hidden layer, float64), from the same initial parameters and on the same data, and
/// reports how far apart the parameters end up.
/// </summary>
static class OptimizerRace
{
    public const int Steps = 40;

    /// <summary>Max over all parameter elements of |mine − theirs| / max(|theirs|, 1e-3) after <see cref="Steps"/> steps.</summary>
    public static double MaxRelativeDifference(Func<IEnumerable<Parameter>, BookOptimizer> mine, Func<IEnumerable<Parameter>, torch.optim.Optimizer> theirs)
    {
        var (x, y, initial) = Problem();
        var ours = initial.Select(t => new Parameter(t.clone())).ToArray();
        var reference = initial.Select(t => new Parameter(t.clone())).ToArray();
        using var bookOptimizer = mine(ours);
        using var torchOptimizer = theirs(reference);
        for (int step = 0; step < Steps; step++)
        {
            using var scope = NewDisposeScope();
            bookOptimizer.ZeroGrad();
            Loss(ours, x, y).backward();
            bookOptimizer.Step();
            torchOptimizer.zero_grad();
            Loss(reference, x, y).backward();
            torchOptimizer.step();
        }
        double worst = 0;
        for (int i = 0; i < ours.Length; i++)
        {
            var difference = (ours[i] - reference[i]).abs() / reference[i].abs().clamp_min(1e-3);
            worst = Math.Max(worst, difference.max().item<double>());
        }
        return worst;
    }

    /// <summary>How far the parameters moved from their start (to show a comparison is not vacuous).</summary>
    public static double Movement(Func<IEnumerable<Parameter>, BookOptimizer> mine)
    {
        var (x, y, initial) = Problem();
        var ours = initial.Select(t => new Parameter(t.clone())).ToArray();
        using var optimizer = mine(ours);
        for (int step = 0; step < Steps; step++)
        {
            using var scope = NewDisposeScope();
            optimizer.ZeroGrad();
            Loss(ours, x, y).backward();
            optimizer.Step();
        }
        return ours.Zip(initial).Max(pair => (pair.First - pair.Second).abs().max().item<double>());
    }

    static (Tensor X, Tensor Y, Tensor[] Initial) Problem()
    {
        var generator = new torch.Generator(1234);
        var x = randn(new long[] { 16, 3 }, ScalarType.Float64, generator: generator);
        var y = (x.select(1, 0) - 2 * x.select(1, 1) * x.select(1, 2)).unsqueeze(1);
        Tensor[] initial =
        [
            0.5 * randn(new long[] { 5, 3 }, ScalarType.Float64, generator: generator),
            0.1 * randn(new long[] { 5 }, ScalarType.Float64, generator: generator),
            0.5 * randn(new long[] { 1, 5 }, ScalarType.Float64, generator: generator),
            0.1 * randn(new long[] { 1 }, ScalarType.Float64, generator: generator),
        ];
        return (x, y, initial);
    }

    static Tensor Loss(Tensor[] p, Tensor x, Tensor y)
    {
        var hidden = (x.matmul(p[0].t()) + p[1]).tanh();
        var prediction = hidden.matmul(p[2].t()) + p[3];
        return (prediction - y).square().mean();
    }
}
