using Book.Models;
using Book.Runtime;
using Book.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Book.Tests.Training;

[Collection(SeededCollection.Name)]
public class GanTrainerTests
{
    [Fact]
    public void Alternating_updates_move_the_generated_points_onto_the_real_cloud()
    {
        // Real data: a Gaussian cloud around (2, −1); the untrained generator starts near the origin.
        Reproducibility.Seed(42);
        var center = tensor(new float[] { 2, -1 });
        var real = randn(512, 2) * 0.3f + center;
        var generator = new GanGenerator(noiseSize: 2, hidden: [16], outputShape: [2], tanhOutput: false);
        var discriminator = new GanDiscriminator([2], hidden: [16]);
        var trainer = new GanTrainer(generator, discriminator,
            optim.Adam(generator.parameters(), 0.002, beta1: 0.5), optim.Adam(discriminator.parameters(), 0.002, beta1: 0.5)) { ShowProgress = false };
        double before = (generator.Sample(256).mean([0]).cpu() - center).norm().ToDouble();

        var history = trainer.Fit(real.split(64), epochs: 80);

        double after = (generator.Sample(256).mean([0]).cpu() - center).norm().ToDouble();
        Assert.Equal(["d_loss", "g_loss", "d_real", "d_fake"], history.Names);
        Assert.True(before > 1.5, $"the untrained generator is already {before} from the centre");
        Assert.True(after < 0.2, $"generated mean is {after} from the real centre");
        Assert.InRange(history["d_real"][^1], 0.3, 0.7); // the discriminator can no longer tell them apart
        Assert.InRange(history["d_fake"][^1], 0.3, 0.7);
    }
}
