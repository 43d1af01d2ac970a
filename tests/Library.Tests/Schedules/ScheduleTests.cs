using Book.Schedules;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Book.Tests.Schedules;

/// <summary>Each closed-form schedule against TorchSharp's <c>lr_scheduler</c>, which updates the rate step by step.</summary>
public class ScheduleTests
{
    const int Steps = 60;

    /// <summary>The learning rates a TorchSharp scheduler gives at steps 0 … count−1.</summary>
    static double[] TorchRates(double initial, Func<torch.optim.Optimizer, optim.lr_scheduler.LRScheduler> makeScheduler, int count = Steps)
    {
        using var parameter = new Parameter(zeros(1));
        using var optimizer = optim.SGD(new[] { parameter }, initial);
        var scheduler = makeScheduler(optimizer);
        var rates = new double[count];
        for (int t = 0; t < count; t++)
        {
            rates[t] = optimizer.ParamGroups.First().LearningRate;
            optimizer.step();
            scheduler.step();
        }
        return rates;
    }

    static void AssertClose(double[] expected, double[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int t = 0; t < expected.Length; t++)
            Assert.True(Math.Abs(expected[t] - actual[t]) <= 1e-12 + 1e-9 * Math.Abs(expected[t]),
                $"At step {t}: expected η = {expected[t]:R} (TorchSharp), got {actual[t]:R}.");
    }

    [Fact]
    public void Step_decay_matches_StepLR() =>
        AssertClose(TorchRates(0.1, o => optim.lr_scheduler.StepLR(o, 7, 0.5)), new StepDecay(0.1, 7, 0.5).Values(Steps));

    [Fact]
    public void Cosine_annealing_matches_CosineAnnealingLR_up_to_T() =>
        AssertClose(TorchRates(0.1, o => optim.lr_scheduler.CosineAnnealingLR(o, 50, 0.001), 51), new CosineAnnealing(0.1, 50, 0.001).Values(51));

    [Fact]
    public void Cosine_annealing_stays_at_the_minimum_after_T() =>
        Assert.Equal(0.001, new CosineAnnealing(0.1, 50, 0.001).At(80), 12);

    [Fact]
    public void Linear_warmup_matches_LinearLR() =>
        AssertClose(TorchRates(0.1, o => optim.lr_scheduler.LinearLR(o, 0.1, 1.0, 10)), new LinearWarmup(0.1, 10, 0.1).Values(Steps));

    [Fact]
    public void Warmup_then_cosine_matches_SequentialLR()
    {
        var expected = TorchRates(0.1, o => optim.lr_scheduler.SequentialLR(o,
            new[] { optim.lr_scheduler.LinearLR(o, 0.1, 1.0, 10), optim.lr_scheduler.CosineAnnealingLR(o, 40, 0.0) }, new[] { 10 }), 50);
        AssertClose(expected, new LinearWarmup(0.1, 10, 0.1).Then(10, new CosineAnnealing(0.1, 40)).Values(50));
    }

    [Fact]
    public void Closed_forms_give_the_textbook_values()
    {
        Assert.Equal(0.1 * 0.5 * 0.5, new StepDecay(0.1, 7, 0.5).At(14), 15);
        Assert.Equal(0.05, new CosineAnnealing(0.1, 50).At(25), 15);
        Assert.Equal(0.1 * (0.1 + 0.9 * 0.5), new LinearWarmup(0.1, 10, 0.1).At(5), 15);
    }

    [Fact]
    public void Applying_a_schedule_sets_the_optimizer_rate()
    {
        using var optimizer = new Book.Optimizers.SGD(new[] { new Parameter(zeros(1)) }, 1.0);
        new StepDecay(0.2, 3, 0.5).ApplyTo(optimizer, 6);
        Assert.Equal(0.05, optimizer.LearningRate, 15);
    }

    [Fact]
    public void A_driven_optimizer_takes_step_t_with_rate_eta_t()
    {
        // J = θ has gradient 1, so step t moves θ by exactly η_t: 0.2, 0.1, 0.05 for halving every step.
        var theta = new Parameter(zeros(1, dtype: ScalarType.Float64));
        using var sgd = new Book.Optimizers.SGD(new[] { theta }, 1.0);
        Book.Training.IOptimizerStep driven = new StepDecay(0.2, 1, 0.5).Drive(sgd);
        var moves = new List<double>();
        for (int t = 0; t < 3; t++)
        {
            double before = theta.item<double>();
            driven.ZeroGrad();
            theta.sum().backward();
            driven.Step();
            moves.Add(before - theta.item<double>());
        }
        AssertClose(new[] { 0.2, 0.1, 0.05 }, moves.ToArray());
    }

    [Fact]
    public void A_negative_step_is_refused_with_its_value()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new StepDecay(0.1, 3).At(-2));
        Assert.Contains("-2", error.Message);
    }
}
