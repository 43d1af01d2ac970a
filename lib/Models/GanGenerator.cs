using Book.Tensors;
using Book.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace Book.Models;

/// <summary>
/// The generator G of a GAN (chapter 11): noise z ~ N(0, I) → an <see cref="Mlp"/> → a sample of
/// <c>outputShape</c>, e.g. [2] for points in the plane or [1, 28, 28] for images. With
/// <c>tanhOutput</c> the values land in (−1, 1), where images scaled to [−1, 1] live.
/// </summary>
public sealed class GanGenerator : nn.Module<Tensor, Tensor>
{
    readonly Mlp network;
    readonly long[] outputShape;
    readonly bool tanhOutput;

    /// <summary>A generator from <paramref name="noiseSize"/> numbers to samples of <paramref name="outputShape"/>.</summary>
    /// <param name="hidden">Hidden layer sizes (LeakyReLU(0.2) after each).</param>
    public GanGenerator(int noiseSize, IReadOnlyList<int> hidden, long[] outputShape, bool tanhOutput, Device? device = null)
        : base(nameof(GanGenerator))
    {
        ArgumentNullException.ThrowIfNull(outputShape);
        network = new Mlp([noiseSize, .. hidden, (int)outputShape.Aggregate(1L, (a, d) => a * d)], () => nn.LeakyReLU(0.2), device: CPU);
        (NoiseSize, this.outputShape, this.tanhOutput) = (noiseSize, outputShape, tanhOutput);
        RegisterComponents();
        this.to(device ?? Devices.Default);
    }

    /// <summary>Length of the noise vector z.</summary>
    public int NoiseSize { get; }

    /// <summary>Draws <paramref name="count"/> noise vectors z ~ N(0, I) on the generator's device.</summary>
    public Tensor Noise(long count) => randn(count, NoiseSize, device: parameters().First().device);

    /// <summary>Generates <paramref name="count"/> samples from fresh noise.</summary>
    public Tensor Sample(long count) => call(Noise(count));

    /// <inheritdoc />
    public override Tensor forward(Tensor noise)
    {
        Shapes.Require(noise, "noise", "batch", NoiseSize);
        var flat = network.call(noise);
        return (tanhOutput ? tanh(flat) : flat).reshape([noise.shape[0], .. outputShape]);
    }
}
