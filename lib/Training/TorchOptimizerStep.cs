using TorchSharp;

namespace Book.Training;

/// <summary>
/// Lets a TorchSharp optimizer (<c>torch.optim.Adam</c>, <c>torch.optim.SGD</c>, …) drive the
/// <see cref="Trainer"/>, the same way the book's from-scratch optimizers do (chapters 04 and 07).
/// </summary>
/// <param name="optimizer">The TorchSharp optimizer, created over the model's parameters.</param>
public sealed class TorchOptimizerStep(torch.optim.Optimizer optimizer) : IOptimizerStep
{
    /// <summary>The wrapped optimizer.</summary>
    public torch.optim.Optimizer Optimizer { get; } = optimizer ?? throw new ArgumentNullException(nameof(optimizer));

    /// <inheritdoc />
    public void Step() => Optimizer.step();

    /// <inheritdoc />
    public void ZeroGrad() => Optimizer.zero_grad();
}
