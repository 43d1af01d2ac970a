namespace Book.Training;

/// <summary>
/// What the <see cref="Trainer"/> needs from an optimizer: forget the old gradients, then move the
/// parameters one step against the new ones. The book's from-scratch optimizers (chapter 04) implement
/// it directly; TorchSharp's <c>torch.optim</c> optimizers plug in through <see cref="TorchOptimizerStep"/>.
/// </summary>
public interface IOptimizerStep
{
    /// <summary>Updates every parameter from its gradient, e.g. θ ← θ − η·∇θ for plain gradient descent.</summary>
    void Step();

    /// <summary>Clears the gradients so the next backward pass does not add to the old ones.</summary>
    void ZeroGrad();
}
