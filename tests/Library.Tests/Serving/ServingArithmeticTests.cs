using Book.Models;
using Book.Serving;

namespace Book.Tests.Serving;

/// <summary>Percentiles, batching policies and the decode roofline of chapter 12, against values computed by hand.</summary>
public class ServingArithmeticTests
{
    [Fact]
    public void Nearest_rank_percentiles_are_observed_values_at_rank_ceiling_p_n()
    {
        double[] sorted = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100];
        Assert.Equal(50, Percentile.NearestRank(sorted, 50));    // rank ⌈5⌉ = 5
        Assert.Equal(100, Percentile.NearestRank(sorted, 95));   // rank ⌈9.5⌉ = 10
        Assert.Equal(10, Percentile.NearestRank(sorted, 1));     // rank ⌈0.1⌉ = 1
        Assert.Equal(30, Percentile.NearestRank(sorted, 30));    // exactly 3, not 4
        Assert.Throws<ArgumentOutOfRangeException>(() => Percentile.NearestRank(sorted, 0));
        Assert.Throws<ArgumentException>(() => Percentile.NearestRank([], 50));
    }

    [Fact]
    public void Latency_percentiles_sort_their_input_and_see_the_tail()
    {
        var latencies = Enumerable.Range(1, 100).Select(i => (double)i).Reverse().Append(1000).ToArray();
        var summary = LatencyPercentiles.Of(latencies);
        Assert.Equal(101, summary.Count);
        Assert.Equal(51, summary.P50Milliseconds);
        Assert.Equal(96, summary.P95Milliseconds);
        Assert.Equal(100, summary.P99Milliseconds);
        Assert.Equal(1000, summary.MaxMilliseconds);
        Assert.Equal((5050 + 1000) / 101.0, summary.MeanMilliseconds, 12);
        Assert.Contains("non-negative", Assert.Throws<ArgumentException>(() => LatencyPercentiles.Of([1, -2])).Message);
    }

    [Fact]
    public void Batching_policies_have_the_batch_and_window_their_names_promise()
    {
        Assert.Equal((1, TimeSpan.Zero), (BatchingPolicy.None.MaxBatchSize, BatchingPolicy.None.MaxWait));
        Assert.Equal((8, BatchingPolicy.StaticFlushAfter), (BatchingPolicy.Static(8).MaxBatchSize, BatchingPolicy.Static(8).MaxWait));
        var dynamic = BatchingPolicy.Dynamic(16, TimeSpan.FromMilliseconds(2));
        Assert.Equal("dynamic (B ≤ 16, W = 2 ms)", dynamic.ToString());
        Assert.Throws<ArgumentOutOfRangeException>(() => BatchingPolicy.Static(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => BatchingPolicy.Dynamic(4, TimeSpan.FromMilliseconds(-1)));
    }

    [Fact]
    public void The_roofline_of_a_7B_model_on_an_H100_is_memory_bound_alone_and_compute_bound_past_b_star()
    {
        var roofline = new DecodeRoofline(7e9, 2, Accelerator.H100);
        // Alone: 14 GB read per step at 3.35 TB/s.
        Assert.Equal(3.35e12 / 14e9, roofline.TokensPerSecondPerSequence(1), 1e-9);
        Assert.True(roofline.MemoryBound(1));
        // b* = 989e12 · 2 / (2 · 3.35e12) ≈ 295.2.
        Assert.Equal(989e12 * 2 / (2 * 3.35e12), roofline.CriticalBatch, 1e-9);
        Assert.True(roofline.MemoryBound(295));
        Assert.False(roofline.MemoryBound(296));
        // Past b*, a step costs 2·N·b / peak, so throughput stops growing.
        Assert.Equal(989e12 / 14e9, roofline.TokensPerSecond(1000), 1e-6);
        Assert.Equal(roofline.TokensPerSecond(400), roofline.TokensPerSecond(1000), 1e-6);
    }

    [Fact]
    public void The_cache_limits_the_batch_to_what_fits_beside_the_weights()
    {
        double perToken = TransformerLanguageModel.KeyValueCache.BytesPerToken(32, 4096, 2);
        Assert.Equal(2.0 * 32 * 4096 * 2, perToken);
        var roofline = new DecodeRoofline(7e9, 2, Accelerator.H100, perToken, 2048);
        Assert.Equal((int)Math.Floor((80e9 - 14e9) / (2048 * perToken)), roofline.MaxBatchInMemory());
        Assert.Equal(0, new DecodeRoofline(70e9, 2, Accelerator.H100, perToken, 2048).MaxBatchInMemory());
        Assert.True(roofline.StepSeconds(8) > new DecodeRoofline(7e9, 2, Accelerator.H100).StepSeconds(8));
    }

    [Fact]
    public void Accelerators_working_together_add_up_their_peaks_bandwidths_and_memories()
    {
        var four = Accelerator.A100.Times(4);
        Assert.Equal(4 * 312, four.PeakTeraflops);
        Assert.Equal(4 * 80, four.MemoryGigabytes);
        Assert.Equal(Accelerator.A100.RidgeFlopsPerByte, four.RidgeFlopsPerByte, 9);
        Assert.Throws<ArgumentOutOfRangeException>(() => Accelerator.H100.Times(0));
    }
}
