using Book.Metrics;

namespace Book.Tests.Metrics;

public class WilsonIntervalTests
{
    [Theory]
    [InlineData(19, 20)]
    [InlineData(3, 10)]
    [InlineData(110, 114)]
    public void Its_ends_are_the_accuracies_the_score_test_just_accepts(long k, long n)
    {
        // Wilson's interval is every p with |p̂ − p| ≤ z·√(p(1 − p)/n): at its ends, equality.
        var interval = WilsonInterval.For(k, n);
        double estimate = (double)k / n, z = WilsonInterval.Z95;
        foreach (double p in new[] { interval.Low, interval.High })
            Assert.Equal(z * Math.Sqrt(p * (1 - p) / n), Math.Abs(estimate - p), 12);
    }

    [Fact]
    public void Nineteen_of_twenty_is_shown_with_three_digits()
    {
        Assert.Equal("[0.764, 0.991]", WilsonInterval.For(19, 20).ToString());
    }

    [Fact]
    public void A_perfect_score_still_leaves_room_below()
    {
        var interval = WilsonInterval.For(20, 20);
        Assert.Equal(1, interval.High, 12);
        Assert.Equal(0.83887, interval.Low, 5); // n / (n + z²)
    }

    [Theory]
    [InlineData(0, 10)]
    [InlineData(3, 10)]
    [InlineData(57, 114)]
    [InlineData(110, 114)]
    public void The_interval_holds_the_estimate_mirrors_and_narrows_with_more_samples(long k, long n)
    {
        var interval = WilsonInterval.For(k, n);
        var mirrored = WilsonInterval.For(n - k, n);
        var larger = WilsonInterval.For(4 * k, 4 * n);
        Assert.InRange((double)k / n, interval.Low, interval.High);
        Assert.Equal(1 - interval.Low, mirrored.High, 12);
        Assert.True(larger.Width < interval.Width);
    }

    [Fact]
    public void More_successes_than_trials_are_refused()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => WilsonInterval.For(21, 20));
        Assert.Contains("Expected between 0 and 20 successes", error.Message);
    }
}
