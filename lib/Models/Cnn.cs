using Book.Tensors;
using Book.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace Book.Models;

/// <summary>
/// A small convolutional network (chapter 08): <see cref="ConvStage"/>s of k×k convolutions (stride 1,
/// valid or padded) with ReLU and 2×2 max-pooling — the <see cref="Features"/> — then flatten and the dense
/// layers of the <see cref="Classifier"/>. A convolution with padding p maps a side of n pixels to
/// n + 2p − k + 1 (a valid one, p = 0, to n − k + 1) and a 2×2 pool maps n to ⌊n/2⌋, so for the
/// MNIST network of seed 004: 28 → 26 → 13 → 11 → 5, i.e. 64·5·5 = 1600 features into the first dense
/// layer. A k×k convolution from C_in to C_out channels has C_out·(C_in·k² + 1) parameters
/// (320 and 18 496 here) and a dense layer from n to m has m·(n + 1).
/// </summary>
public sealed class Cnn : nn.Module<Tensor, Tensor>
{
    readonly nn.Module<Tensor, Tensor> features;
    readonly nn.Module<Tensor, Tensor> classifier;
    readonly long[] inputShape;
    readonly List<(string Name, nn.Module<Tensor, Tensor> Layer)> featureLayers = new();

    /// <summary>A CNN for images of shape [channels, height, width].</summary>
    /// <param name="inputShape">One image: [channels, height, width].</param>
    /// <param name="stages">The convolution stages, in order.</param>
    /// <param name="hidden">Sizes of the dense hidden layers after flattening (ReLU after each).</param>
    /// <param name="outputs">Outputs of the last dense layer (logits): classes, or 1 for a binary problem.</param>
    /// <param name="kernelSize">k of every k×k convolution.</param>
    /// <param name="dropout">Dropout before each dense layer that follows a hidden one; 0 for none.</param>
    /// <param name="device">Where the parameters live; <see cref="Devices.Default"/> by default.</param>
    public Cnn(long[] inputShape, IReadOnlyList<ConvStage> stages, IReadOnlyList<int> hidden, int outputs,
        int kernelSize = 3, double dropout = 0, Device? device = null) : base(nameof(Cnn))
    {
        if (inputShape is not { Length: 3 } || inputShape.Any(d => d < 1))
            throw new ArgumentException($"Expected an image shape [channels, height, width], got {Shapes.Of(inputShape ?? [])}.", nameof(inputShape));
        this.inputShape = inputShape;
        var convolutions = new List<(string, nn.Module<Tensor, Tensor>)>();
        long channels = inputShape[0], height = inputShape[1], width = inputShape[2];
        for (int s = 1; s <= stages.Count; s++)
        {
            var stage = stages[s - 1];
            if (stage.Padding < 0) throw new ArgumentException($"Stage {s} has padding {stage.Padding}; expected 0 or more.", nameof(stages));
            (height, width) = (height + 2 * stage.Padding, width + 2 * stage.Padding);
            if (height < kernelSize || width < kernelSize)
                throw new ArgumentException($"Stage {s} gets {height}×{width} feature maps (padding included), too small for a {kernelSize}×{kernelSize} convolution.", nameof(stages));
            convolutions.Add(($"conv{s}", nn.Conv2d(channels, stage.Channels, kernelSize, padding: stage.Padding)));
            convolutions.Add(($"relu{s}", nn.ReLU()));
            (channels, height, width) = (stage.Channels, height - kernelSize + 1, width - kernelSize + 1);
            if (!stage.Pool) continue;
            if (height < 2 || width < 2)
                throw new ArgumentException($"Stage {s} pools {height}×{width} feature maps, too small for a 2×2 max-pool.", nameof(stages));
            convolutions.Add(($"pool{s}", nn.MaxPool2d(2)));
            (height, width) = (height / 2, width / 2);
        }
        convolutions.Add(("flatten", nn.Flatten()));
        featureLayers.AddRange(convolutions);
        features = nn.Sequential(convolutions);
        FlattenedSize = channels * height * width;
        classifier = new Mlp([(int)FlattenedSize, .. hidden, outputs], dropout: dropout, device: CPU);
        RegisterComponents();
        this.to(device ?? Devices.Default);
    }

    /// <summary>Seed 004's MNIST network: 1×28×28 → conv32-pool-conv64-pool → dense128 → dense10 (225 034 parameters).</summary>
    public static Cnn Mnist(Device? device = null) =>
        new([1, 28, 28], [new(32), new(64)], [128], 10, device: device);

    /// <summary>Seed 002's CIFAR-10 network on 3×32×32 images: conv32-pool-conv64-pool-conv128 → dense128 → dense10.</summary>
    public static Cnn Cifar10(Device? device = null) =>
        new([3, 32, 32], [new(32), new(64), new(128, Pool: false)], [128], 10, device: device);

    /// <summary>How many features the convolution stages hand to the dense layers (channels × height × width).</summary>
    public long FlattenedSize { get; }

    /// <summary>The convolution stages and the flattening: image → feature vector. What transfer learning reuses.</summary>
    public nn.Module<Tensor, Tensor> Features => features;

    /// <summary>The dense layers (an <see cref="Mlp"/>): feature vector → logits.</summary>
    public nn.Module<Tensor, Tensor> Classifier => classifier;

    /// <summary>The weights of stage <paramref name="stage"/>'s convolution, [C_out, C_in, k, k]: its learned filters.</summary>
    public Tensor Filters(int stage) => Layer<TorchSharp.Modules.Conv2d>($"conv{stage}").weight!;

    /// <summary>
    /// What stage <paramref name="stage"/> (1, 2, …) makes of <paramref name="images"/> [N, C, H, W]: its feature
    /// maps after the ReLU, [N, channels, height, width], computed in evaluation mode without gradients.
    /// </summary>
    public Tensor FeatureMaps(Tensor images, int stage)
    {
        Shapes.Require(images, "images", "batch", inputShape[0], inputShape[1], inputShape[2]);
        Layer<nn.Module<Tensor, Tensor>>($"relu{stage}");
        bool wasTraining = training;
        eval();
        try
        {
            using var noGrad = no_grad();
            var x = images;
            foreach (var (name, layer) in featureLayers)
            {
                x = layer.call(x);
                if (name == $"relu{stage}") return x;
            }
            throw new InvalidOperationException($"No layer relu{stage} on the way through the stages.");
        }
        finally
        {
            train(wasTraining);
        }
    }

    T Layer<T>(string name) where T : nn.Module => featureLayers.FirstOrDefault(l => l.Name == name).Layer as T
        ?? throw new ArgumentOutOfRangeException(nameof(name), name,
            $"Expected a stage between 1 and {featureLayers.Count(l => l.Name.StartsWith("conv", StringComparison.Ordinal))}.");

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        Shapes.Require(input, "input", "batch", inputShape[0], inputShape[1], inputShape[2]);
        return classifier.call(features.call(input));
    }
}
