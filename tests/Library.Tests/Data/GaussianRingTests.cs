using Book.Data;
using Book.Runtime;

namespace Book.Tests.Data;

[Collection(SeededCollection.Name)]
public class GaussianRingTests
{
    [Fact]
    public void The_centres_lie_evenly_on_the_circle()
    {
        var ring = new GaussianRing(modes: 4, radius: 3, std: 0.1);

        Assert.Equal(new double[] { 3, 0, 0, 3, -3, 0, 0, -3 }, ring.Centres.data<float>().Select(v => Math.Round(v, 5)));
    }

    [Fact]
    public void Samples_have_the_modes_spread_and_equal_weights()
    {
        Reproducibility.Seed(42);
        var ring = new GaussianRing(modes: 8, radius: 2, std: 0.05);

        var points = ring.Sample(16_000);

        var (distance, mode) = TorchSharp.torch.cdist(points, ring.Centres).min(1);
        Assert.True(distance.max().item<float>() < 8 * 0.05, "every point lies near its mode");
        var counts = TorchSharp.torch.bincount(mode, minlength: 8).data<long>().ToArray();
        Assert.All(counts, c => Assert.InRange(c, 1800, 2200));
        var offsets = points - ring.Centres.index_select(0, mode);
        Assert.Equal(0.05, offsets.std().item<float>(), 2);
    }

    [Fact]
    public void A_ring_without_spread_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new GaussianRing(modes: 8, radius: 2, std: 0));
    }
}
