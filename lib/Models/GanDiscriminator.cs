using Book.Tensors;
using Book.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace Book.Models;

/// <summary>
/// The discriminator D of a GAN (chapter 11): a sample of <c>inputShape</c> → flatten → an
/// <see cref="Mlp"/> with LeakyReLU(0.2) → one logit, the log-odds that the sample is real.
/// σ(logit) = D(x); train it with binary cross-entropy on logits.
/// </summary>
public sealed class GanDiscriminator : nn.Module<Tensor, Tensor>
{
    readonly Mlp network;
    readonly long[] inputShape;

    /// <summary>A discriminator for samples of <paramref name="inputShape"/> (e.g. [2] or [1, 28, 28]).</summary>
    /// <param name="hidden">Hidden layer sizes.</param>
    /// <param name="dropout">Dropout after each hidden layer, which keeps D from winning too fast; 0 for none.</param>
    public GanDiscriminator(long[] inputShape, IReadOnlyList<int> hidden, double dropout = 0, Device? device = null)
        : base(nameof(GanDiscriminator))
    {
        ArgumentNullException.ThrowIfNull(inputShape);
        this.inputShape = inputShape;
        network = new Mlp([(int)inputShape.Aggregate(1L, (a, d) => a * d), .. hidden, 1], () => nn.LeakyReLU(0.2), dropout, CPU);
        RegisterComponents();
        this.to(device ?? Devices.Default);
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor samples)
    {
        Shapes.Require(samples, "samples", ["batch", .. inputShape.Cast<object>()]);
        return network.call(samples.flatten(1));
    }
}
