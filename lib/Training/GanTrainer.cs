using Book.Models;
using Book.Tensors;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn.functional;

namespace Book.Training;

/// <summary>
/// GAN training as Goodfellow et al. (2014) describe it (chapter 11), alternating two updates per batch
/// of real samples x and fresh noise z:
/// 1. the discriminator, on real and generated samples with the generator held fixed (its samples are
///    detached): L_D = −[log D(x) + log(1 − D(G(z)))] — binary cross-entropy, real = 1, fake = 0;
/// 2. the generator, on the same generated samples judged by the updated discriminator, through which
///    its gradient flows (only the generator's weights are updated):
///    L_G = −log D(G(z)) (non-saturating, the default) or log(1 − D(G(z))) (<see cref="GeneratorLoss"/>).
/// Seed 004's version fed noise as "real" data, gave three labels for a batch of 3B samples and never
/// alternated. Per epoch the trainer records the mean d_loss, g_loss and the discriminator's mean
/// verdicts d_real = D(x) and d_fake = D(G(z)); at the ideal equilibrium both are ½ and d_loss = 2 ln 2.
/// <para>
/// With <see cref="Packing"/> m &gt; 1 the discriminator judges m samples at once (PacGAN, Lin et al.,
/// 2018): a batch of B samples becomes B/m packs of m, all real or all fake. A generator that puts all its
/// samples on a few modes produces packs with too little variety, which a packing discriminator spots —
/// one cure for mode collapse. Build the discriminator for inputs [m, …sample shape].
/// </para>
/// </summary>
public sealed class GanTrainer
{
    readonly GanGenerator generator;
    readonly GanDiscriminator discriminator;
    readonly IOptimizerStep generatorOptimizer;
    readonly IOptimizerStep discriminatorOptimizer;

    /// <summary>A trainer for a generator and a discriminator, each with its own optimizer.</summary>
    public GanTrainer(GanGenerator generator, GanDiscriminator discriminator, IOptimizerStep generatorOptimizer, IOptimizerStep discriminatorOptimizer)
    {
        this.generator = generator ?? throw new ArgumentNullException(nameof(generator));
        this.discriminator = discriminator ?? throw new ArgumentNullException(nameof(discriminator));
        this.generatorOptimizer = generatorOptimizer ?? throw new ArgumentNullException(nameof(generatorOptimizer));
        this.discriminatorOptimizer = discriminatorOptimizer ?? throw new ArgumentNullException(nameof(discriminatorOptimizer));
    }

    /// <summary>A trainer driven by TorchSharp optimizers (Adam with β₁ = 0.5 is the usual choice).</summary>
    public GanTrainer(GanGenerator generator, GanDiscriminator discriminator, optim.Optimizer generatorOptimizer, optim.Optimizer discriminatorOptimizer)
        : this(generator, discriminator, new TorchOptimizerStep(generatorOptimizer), new TorchOptimizerStep(discriminatorOptimizer)) { }

    /// <summary>Whether <see cref="Fit"/> shows progress, as the <see cref="Trainer"/> does.</summary>
    public bool ShowProgress { get; set; } = true;

    /// <summary>Samples the discriminator judges together (PacGAN's m); 1, the default, is the plain GAN.</summary>
    public int Packing
    {
        get;
        init => field = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(Packing), value, "Expected a packing of at least 1.");
    } = 1;

    /// <summary>What the generator minimises; <see cref="GeneratorLoss.NonSaturating"/> unless set.</summary>
    public GeneratorLoss GeneratorLoss { get; init; } = GeneratorLoss.NonSaturating;

    /// <summary>Trains for <paramref name="epochs"/> passes over batches of real samples.</summary>
    /// <param name="afterEpoch">Called with the epoch number (1, 2, …) after each epoch, e.g. to keep samples for a figure.</param>
    public History Fit(IEnumerable<Tensor> realBatches, int epochs, Action<int>? afterEpoch = null)
    {
        ArgumentNullException.ThrowIfNull(realBatches);
        if (epochs < 1) throw new ArgumentOutOfRangeException(nameof(epochs), epochs, "Expected at least one epoch.");
        var history = new History();
        var progress = ShowProgress
            ? TrainingProgress.ForCurrentOutput(epochs, realBatches)
            : TrainingProgress.Silent;
        var device = generator.parameters().First().device;
        generator.train();
        discriminator.train();
        try
        {
            for (int epoch = 1; epoch <= epochs; epoch++)
            {
                var sums = new double[4];
                long samples = 0;
                int batch = 0;
                foreach (var real in StepScopes.Each(realBatches))
                {
                    var values = Step(real.to(device));
                    long size = real.shape[0];
                    for (int i = 0; i < sums.Length; i++) sums[i] += values[i] * size;
                    samples += size;
                    progress.Batch(epoch, ++batch, "d_loss", () => sums[0] / samples);
                }
                if (samples == 0) throw new ArgumentException("Expected at least one batch of real samples, got none.", nameof(realBatches));
                var record = new EpochRecord(epoch, new Dictionary<string, double>
                {
                    ["d_loss"] = sums[0] / samples, ["g_loss"] = sums[1] / samples,
                    ["d_real"] = sums[2] / samples, ["d_fake"] = sums[3] / samples,
                });
                history.Add(record);
                progress.Epoch(record);
                afterEpoch?.Invoke(epoch);
            }
        }
        finally
        {
            progress.Finish(history);
        }
        return history;
    }

    /// <summary>One discriminator update, then one generator update: [d_loss, g_loss, mean D(x), mean D(G(z))].</summary>
    double[] Step(Tensor real)
    {
        long n = real.shape[0];
        if (n % Packing != 0)
            throw new ArgumentException($"Expected batches whose size is a multiple of the packing {Packing}, got a batch of {n} samples.");
        var fake = generator.call(generator.Noise(n));
        var onReal = discriminator.call(Packed(real));
        var onFake = discriminator.call(Packed(fake.detach()));
        var discriminatorLoss = binary_cross_entropy_with_logits(onReal, ones_like(onReal))
                              + binary_cross_entropy_with_logits(onFake, zeros_like(onFake));
        discriminatorOptimizer.ZeroGrad();
        discriminatorLoss.backward();
        discriminatorOptimizer.Step();

        var verdict = discriminator.call(Packed(fake));   // the same fakes, judged by the updated discriminator
        var generatorLoss = GeneratorLoss == GeneratorLoss.NonSaturating
            ? binary_cross_entropy_with_logits(verdict, ones_like(verdict))
            : -binary_cross_entropy_with_logits(verdict, zeros_like(verdict));
        generatorOptimizer.ZeroGrad();
        generatorLoss.backward();
        generatorOptimizer.Step();

        return [discriminatorLoss.ToDouble(), generatorLoss.ToDouble(), onReal.sigmoid().mean().ToDouble(), onFake.sigmoid().mean().ToDouble()];
    }

    /// <summary>[B, …] → [B / m, m, …]: m consecutive samples form one pack; unchanged when m = 1.</summary>
    Tensor Packed(Tensor samples) => Packing == 1 ? samples : samples.reshape([samples.shape[0] / Packing, Packing, .. samples.shape[1..]]);
}
