using Book.Tensors;
using static TorchSharp.torch;

namespace Book.Data;

/// <summary>
/// Data augmentation (chapter 08): every epoch, each training image is changed in a way that keeps its
/// label — moved by a few pixels, mirrored left to right — so the network sees a slightly different
/// picture each time and must learn what does not depend on those changes. Each method returns a
/// function from a batch of images [N, C, H, W] to a new batch of the same shape, for
/// <see cref="Batches"/>' <c>augment</c>. The random choices come from TorchSharp's generator, so
/// <c>Reproducibility.Seed</c> repeats them. Augment training batches only, never validation or test data.
/// </summary>
public static class Augmentation
{
    /// <summary>
    /// Moves each image by a whole number of pixels, drawn uniformly from −m … m separately for rows and
    /// columns; what moves in from outside is 0 (background). Implemented as padding by m, then cutting an
    /// H×W window at a random offset.
    /// </summary>
    public static Func<Tensor, Tensor> Shift(int maxPixels)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPixels, 1);
        return images =>
        {
            RequireImages(images);
            using var scope = NewDisposeScope();
            long n = images.shape[0], height = images.shape[2], width = images.shape[3];
            var padded = nn.functional.pad(images, [maxPixels, maxPixels, maxPixels, maxPixels]);
            var at = randint(0, 2 * maxPixels + 1, [n, 2], dtype: ScalarType.Int64).data<long>().ToArray();
            var moved = Enumerable.Range(0, (int)n)
                .Select(i => padded[i].narrow(1, at[2 * i], height).narrow(2, at[2 * i + 1], width)).ToArray();
            return stack(moved).MoveToOuterDisposeScope();
        };
    }

    /// <summary>Mirrors each image left to right with probability ½ (right for clothes, wrong for digits: a mirrored 3 is no digit).</summary>
    public static Func<Tensor, Tensor> HorizontalFlip() => images =>
    {
        RequireImages(images);
        using var scope = NewDisposeScope();
        var flip = rand([images.shape[0], 1, 1, 1], device: images.device).lt(0.5);
        return where(flip, images.flip(3), images).MoveToOuterDisposeScope();
    };

    /// <summary>The augmentations applied one after another.</summary>
    public static Func<Tensor, Tensor> Compose(params Func<Tensor, Tensor>[] steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        return images => steps.Aggregate(images, (batch, step) => step(batch));
    }

    static void RequireImages(Tensor images) =>
        Shapes.RequireDimensions(images, 4, nameof(images), "[batch, channels, height, width]");
}
