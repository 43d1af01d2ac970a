using TorchSharp;
using Book.Data;
using Book.Runtime;
using static TorchSharp.torch;

namespace Book.Tests.Data;

[Collection(SeededCollection.Name)]
public class AugmentationTests
{
    static Tensor Images() => arange(1, 2 * 36 + 1, dtype: ScalarType.Float32).reshape(2, 1, 6, 6);

    /// <summary>Whether <paramref name="moved"/> is <paramref name="image"/> [1, H, W] shifted by some (dy, dx) within ±m, zeros coming in.</summary>
    static bool IsShiftOf(Tensor moved, Tensor image, int m)
    {
        for (int dy = -m; dy <= m; dy++)
            for (int dx = -m; dx <= m; dx++)
            {
                var padded = nn.functional.pad(image, [m, m, m, m]);
                if (padded.narrow(1, m - dy, 6).narrow(2, m - dx, 6).allclose(moved, rtol: 0, atol: 0)) return true;
            }
        return false;
    }

    [Fact]
    public void A_shift_moves_each_image_by_at_most_m_pixels_and_differs_between_calls()
    {
        Reproducibility.Seed(42);
        var images = Images();
        var shift = Augmentation.Shift(2);

        var first = shift(images);
        var second = shift(images);

        Assert.Equal(images.shape, first.shape);
        for (int i = 0; i < 2; i++) Assert.True(IsShiftOf(first[i], images[i], 2), $"image {i} is no shift by ±2");
        Assert.False(first.allclose(second, rtol: 0, atol: 0));
        Assert.False(IsShiftOf(images[1], images[0], 2));
    }

    [Fact]
    public void A_flip_leaves_or_mirrors_each_image_and_the_seed_repeats_the_choice()
    {
        Reproducibility.Seed(1);
        var images = arange(64 * 4, dtype: ScalarType.Float32).reshape(64, 1, 2, 2);
        var flipped = Augmentation.HorizontalFlip()(images);
        var kept = Enumerable.Range(0, 64).Count(i => flipped[i].allclose(images[i], rtol: 0, atol: 0));
        var mirrored = Enumerable.Range(0, 64).Count(i => flipped[i].allclose(images[i].flip(2), rtol: 0, atol: 0));
        Reproducibility.Seed(1);
        var again = Augmentation.HorizontalFlip()(images);

        Assert.Equal(64, kept + mirrored);
        Assert.InRange(kept, 16, 48);
        Assert.True(again.allclose(flipped, rtol: 0, atol: 0));
    }

    [Fact]
    public void Batches_augment_their_inputs_anew_every_epoch_and_leave_the_data_alone()
    {
        Reproducibility.Seed(42);
        var images = Images();
        var original = images.clone();
        var batches = new Batches(images, arange(2, dtype: ScalarType.Int64), batchSize: 2, augment: Augmentation.Shift(1));

        var epoch1 = batches.Select(b => b.X.clone()).Single();
        var epoch2 = batches.Select(b => b.X.clone()).Single();

        Assert.False(epoch1.allclose(epoch2, rtol: 0, atol: 0));
        Assert.True(images.allclose(original, rtol: 0, atol: 0));
        Assert.EndsWith("in order, augmented", batches.ToString());
    }

    [Fact]
    public void Only_image_batches_are_accepted()
    {
        var error = Assert.Throws<ArgumentException>(() => Augmentation.HorizontalFlip()(zeros(3, 28, 28)));
        Assert.Contains("Expected images with 4 dimensions ([batch, channels, height, width]), got shape [3, 28, 28]", error.Message);
    }
}
