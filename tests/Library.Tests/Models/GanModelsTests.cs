using Book.Models;
using Book.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace Book.Tests.Models;

public class GanModelsTests
{
    [Fact]
    public void The_generator_makes_images_in_minus_one_to_one_and_the_discriminator_scores_them()
    {
        Reproducibility.Seed(42);
        var generator = new GanGenerator(noiseSize: 16, hidden: [64], outputShape: [1, 28, 28], tanhOutput: true);
        var discriminator = new GanDiscriminator([1, 28, 28], hidden: [64]);

        using var images = generator.Sample(5);
        using var logits = discriminator.call(images);

        Assert.Equal([5L, 1, 28, 28], images.shape);
        Assert.True(images.abs().max().ToDouble() < 1);
        Assert.Equal([5L, 1], logits.shape);
    }

    [Fact]
    public void Two_dimensional_samples_are_unbounded_and_wrong_shapes_are_named()
    {
        var generator = new GanGenerator(noiseSize: 4, hidden: [16], outputShape: [2], tanhOutput: false);
        var discriminator = new GanDiscriminator([2], hidden: [16]);

        Assert.Equal([7L, 2], generator.Sample(7).shape);
        var error = Assert.Throws<ArgumentException>(() => discriminator.call(zeros(7, 3)));
        Assert.Equal("expected samples of shape [batch, 2], got [7, 3]", error.Message);
    }
}
