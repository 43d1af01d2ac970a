using Book.Visuals;
using static TorchSharp.torch;

namespace Book.Tests.Visuals;

public class SampleDensityTests
{
    [Fact]
    public void Generated_points_are_vermilion_over_grey_reference_points_on_white()
    {
        // The square [−2, 2]² in 4×4 pixels of size 1: (−1.5, 1.5) is row 0, column 0; (1.5, −1.5) row 3, column 3.
        var generated = tensor(new float[] { -1.5f, 1.5f }, [1, 2]).repeat(10, 1);
        var reference = tensor(new float[] { 1.5f, -1.5f }, [1, 2]).repeat(10, 1);

        var picture = SampleDensity.Picture(generated, reference, extent: 2, pixels: 4);

        Assert.Equal(new long[] { 3, 4, 4 }, picture.shape);
        Assert.Equal(new[] { 0.835, 0.369, 0.0 }, Rgb(picture, 0, 0).Select(v => Math.Round(v, 3)));
        Assert.Equal(new[] { 0.75, 0.75, 0.75 }, Rgb(picture, 3, 3));
        Assert.Equal(new[] { 1.0, 1.0, 1.0 }, Rgb(picture, 1, 2));
    }

    [Fact]
    public void Panels_stand_side_by_side_and_points_outside_the_square_are_left_out()
    {
        var inside = zeros(5, 2);
        var outside = full(5, 2, 10f);

        var image = SampleDensity.Panels([inside, outside], inside, extent: 1, pixels: 20);

        Assert.Equal(2 * 20 + 4, image.Width);
        Assert.Equal(20, image.Height);
        var error = Assert.Throws<ArgumentException>(() => SampleDensity.Panels([], inside, extent: 1));
        Assert.Contains("at least one sample", error.Message);
    }

    static double[] Rgb(Tensor picture, int row, int column) =>
        [.. Enumerable.Range(0, 3).Select(c => picture[c, row, column].item<double>())];
}
