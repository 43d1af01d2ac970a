using Book.LargeModels;

namespace Book.Tests.LargeModels;

/// <summary>C ≈ 6·N·D against the GPT-3 paper, and the conversions to time.</summary>
public class TrainingComputeTests
{
    [Fact]
    public void Gpt3_on_300_billion_tokens_needs_about_3_14e23_flops()
    {
        var compute = new TrainingCompute(PublishedTransformers.Gpt3.Count.Total, 300e9);
        // Brown et al. 2020, Table D.1: 3.14e23 FLOPs, 3640 petaflop/s-days.
        Assert.InRange(compute.Flops / 3.14e23, 0.995, 1.005);
        Assert.InRange(compute.PetaflopDays / 3640, 0.99, 1.01);
    }

    [Fact]
    public void Accelerator_hours_divide_compute_by_achieved_throughput()
    {
        var compute = new TrainingCompute(1e9, 1e12 / 6); // exactly 1e21 FLOPs
        var throughput = new AchievedThroughput(PeakTeraflops: 100, Utilisation: 0.5);
        Assert.Equal(1e21, compute.Flops, 1e21 * 1e-12);
        Assert.Equal(1e21 / 50e12 / 3600, compute.AcceleratorHours(throughput), 1e-6);
        Assert.Equal(compute.AcceleratorHours(throughput) / 10 / 24, compute.Days(throughput, accelerators: 10), 1e-9);
    }

    [Fact]
    public void Tokens_per_parameter_of_gpt3_is_far_below_chinchillas_twenty()
    {
        var compute = new TrainingCompute(175e9, 300e9);
        Assert.Equal(300.0 / 175, compute.TokensPerParameter, 12);
    }

    [Fact]
    public void Bad_inputs_are_named()
    {
        Assert.Contains("got -1", Assert.Throws<ArgumentException>(() => new TrainingCompute(-1, 10).Flops).Message);
        Assert.Contains("(0, 1], got 1.5", Assert.Throws<ArgumentException>(() => new AchievedThroughput(100, 1.5).FlopsPerSecond).Message);
        Assert.Contains("at least one accelerator, got 0",
            Assert.Throws<ArgumentException>(() => new TrainingCompute(1, 1).Days(new AchievedThroughput(1, 1), 0)).Message);
    }
}
