using Book.LargeModels;

namespace Book.Tests.LargeModels;

/// <summary>k, M, B, T with a fixed number of decimals.</summary>
public class ShortScaleTests
{
    [Theory]
    [InlineData(174_604_259_328, 2, "174.60 B")]
    [InlineData(124_439_808, 1, "124.4 M")]
    [InlineData(60_000, 0, "60 k")]
    [InlineData(1.4e12, 2, "1.40 T")]
    [InlineData(999, 1, "999.0")]
    [InlineData(-2.5e9, 1, "-2.5 B")]
    public void Writes_the_largest_unit_not_above_the_value(double value, int decimals, string expected) =>
        Assert.Equal(expected, ShortScale.Format(value, decimals));
}
