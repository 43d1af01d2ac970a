using Book.Models;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn.functional;

namespace Book.Training;

/// <summary>
/// GAN training as Goodfellow et al. describe it (chapter 11), alternating two updates per batch of
/// real samples x and fresh noise z:
/// 1. the discriminator, on real and generated samples with the generator held fixed:
///    L_D = −[log D(x) + log(1 − D(G(z)))] (binary cross-entropy, real = 1, fake = 0);
/// 2. the generator, through the discriminator with the discriminator held fixed, in the
///    non-saturating form L_G = −log D(G(z)) (its fakes labelled real).
/// Seed 004's version fed noise as "real" data and never alternated; this one records per epoch the
/// mean d_loss, g_loss and the discriminator's mean verdicts d_real = D(x) and d_fake = D(G(z)) —
/// at the ideal equilibrium both approach ½.
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

    /// <summary>Trains for <paramref name="epochs"/> passes over batches of real samples.</summary>
    public History Fit(IEnumerable<Tensor> realBatches, int epochs)
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
        var fake = generator.call(generator.Noise(n)).detach();
        var onReal = discriminator.call(real);
        var onFake = discriminator.call(fake);
        var discriminatorLoss = binary_cross_entropy_with_logits(onReal, ones_like(onReal))
                              + binary_cross_entropy_with_logits(onFake, zeros_like(onFake));
        discriminatorOptimizer.ZeroGrad();
        discriminatorLoss.backward();
        discriminatorOptimizer.Step();

        var verdict = discriminator.call(generator.call(generator.Noise(n)));
        var generatorLoss = binary_cross_entropy_with_logits(verdict, ones_like(verdict));
        generatorOptimizer.ZeroGrad();
        generatorLoss.backward();
        generatorOptimizer.Step();

        return [discriminatorLoss.ToDouble(), generatorLoss.ToDouble(), onReal.sigmoid().mean().ToDouble(), onFake.sigmoid().mean().ToDouble()];
    }
}
