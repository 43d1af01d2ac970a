using Book.Attention;
using Book.Models;
using Book.Runtime;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Book.Bench;

/// <summary>
/// The book's from-scratch building blocks against TorchSharp's built-ins, time per step: the optimizers of
/// chapter 04 updating the 203 530 parameters of the MLP 784-256-10, and the scaled dot-product attention of
/// chapter 10 (forward and backward) on a batch of 32 sequences, 4 heads, 64 positions, d_k = 16.
/// </summary>
static class StepTimes
{
    /// <summary>(name, book's, TorchSharp's) optimizer factories over the same parameters.</summary>
    static readonly (string Name, Func<IEnumerable<Parameter>, Training.IOptimizerStep> Book, Func<IEnumerable<Parameter>, optim.Optimizer> Torch)[] Optimizers =
    [
        ("SGD, momentum 0.9", p => new Optimizers.SGD(p, 0.01, momentum: 0.9), p => optim.SGD(p, 0.01, momentum: 0.9)),
        ("RMSprop", p => new Optimizers.RMSprop(p, 0.01), p => optim.RMSProp(p, 0.01)),
        ("Adam", p => new Optimizers.Adam(p, 1e-3), p => optim.Adam(p, 1e-3)),
        ("AdamW, weight decay 0.01", p => new Optimizers.AdamW(p, 1e-3, weightDecay: 0.01), p => optim.AdamW(p, 1e-3, weight_decay: 0.01)),
    ];

    /// <summary>Per optimizer: seconds per step of TorchSharp's (A) and the book's (B).</summary>
    public static IEnumerable<(string Name, Comparison Times)> OptimizerSteps(BenchSize size)
    {
        Reproducibility.Seed(42, 1);
        using var model = new Mlp([784, 256, 10]);
        using (var scope = NewDisposeScope())
            nn.functional.cross_entropy(model.call(randn(64, 784)), randint(0, 10, [64])).backward();
        foreach (var (name, makeBook, makeTorch) in Optimizers)
        {
            var book = makeBook(model.parameters());
            using var torchOptimizer = makeTorch(model.parameters());
            var times = Timing.Alternate(() => PerStep(() => torchOptimizer.step(), size.Steps), () => PerStep(book.Step, size.Steps), size.Runs);
            (book as IDisposable)?.Dispose();
            yield return (name, times);
        }
    }

    /// <summary>Seconds per forward and backward pass of TorchSharp's attention (A) and the book's (B), without and with the causal mask.</summary>
    public static IEnumerable<(string Name, Comparison Times)> Attention(BenchSize size)
    {
        Reproducibility.Seed(42, 1);
        using var q = randn(32, 4, 64, 16).requires_grad_();
        using var k = randn(32, 4, 64, 16).requires_grad_();
        using var v = randn(32, 4, 64, 16).requires_grad_();
        foreach (bool causal in new[] { false, true })
        {
            var times = Timing.Alternate(
                () => PerStep(() => nn.functional.scaled_dot_product_attention(q, k, v, is_casual: causal).sum().backward(), size.AttentionSteps),
                () => PerStep(() => ScaledDotProductAttention.Apply(q, k, v, causal: causal).Output.sum().backward(), size.AttentionSteps),
                size.Runs);
            yield return (causal ? "scaled dot-product attention, causal" : "scaled dot-product attention", times);
        }
    }

    static double PerStep(Action step, int steps) => Timing.CpuSeconds(() =>
    {
        for (int i = 0; i < steps; i++)
        {
            using var scope = NewDisposeScope();
            step();
        }
    }) / steps;
}
