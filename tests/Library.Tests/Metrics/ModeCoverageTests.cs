using Book.Data;
using Book.Metrics;
using Book.Runtime;
using static TorchSharp.torch;

namespace Book.Tests.Metrics;

[Collection(SeededCollection.Name)]
public class ModeCoverageTests
{
    [Fact]
    public void Real_points_of_the_ring_cover_every_mode_and_are_high_quality_with_probability_one_minus_exp_minus_four_and_a_half()
    {
        Reproducibility.Seed(42);
        var ring = new GaussianRing(modes: 8, radius: 2, std: 0.05);

        var coverage = ModeCoverage.Measure(ring.Sample(20_000), ring.Centres, ring.Std);

        Assert.Equal(8, coverage.Covered);
        Assert.Equal(1 - Math.Exp(-4.5), coverage.HighQuality, 2);   // P(‖x − μ‖ ≤ 3σ) in 2-D
        Assert.All(coverage.Shares, s => Assert.InRange(s, 0.9 * coverage.HighQuality / 8, 1.1 * coverage.HighQuality / 8));
    }

    [Fact]
    public void A_generator_collapsed_onto_two_modes_covers_two()
    {
        Reproducibility.Seed(42);
        var ring = new GaussianRing(modes: 8, radius: 2, std: 0.05);
        var twoModes = ring.Centres[TensorIndex.Slice(0, 2)].repeat(500, 1) + 0.05 * randn(1000, 2);

        var coverage = ModeCoverage.Measure(twoModes, ring.Centres, ring.Std);

        Assert.Equal(2, coverage.Covered);
        Assert.Equal(new double[6], coverage.Shares.Skip(2));
        Assert.Equal("modes covered: 2 of 8, high-quality samples: "
            + $"{100 * coverage.HighQuality:F1} %", coverage.ToString());
    }

    [Fact]
    public void Points_far_from_every_centre_are_not_high_quality_and_cover_nothing()
    {
        var ring = new GaussianRing(modes: 8, radius: 2, std: 0.05);

        var coverage = ModeCoverage.Measure(zeros(100, 2), ring.Centres, ring.Std);

        Assert.Equal(0, coverage.Covered);
        Assert.Equal(0, coverage.HighQuality);
    }

    [Fact]
    public void A_mode_needs_a_quarter_of_its_fair_share()
    {
        // 4 modes, 100 samples: a fair share is 25, a quarter of it 6.25 — 6 samples do not cover, 7 do.
        var centres = tensor(new double[] { 0, 0, 10, 0, 0, 10, 10, 10 }, [4, 2]);
        Tensor At(int mode, int count) => centres[mode].repeat(count, 1);
        var samples = cat([At(0, 80), At(1, 7), At(2, 6), zeros(7, 2, dtype: ScalarType.Float64) + 5]);

        var coverage = ModeCoverage.Measure(samples, centres, std: 0.1);

        Assert.Equal(2, coverage.Covered);
        Assert.Equal(0.93, coverage.HighQuality, 12);
    }
}
