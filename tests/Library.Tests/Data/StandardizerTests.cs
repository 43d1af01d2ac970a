using Book.Data;
using static TorchSharp.torch;

namespace Book.Tests.Data;

public class StandardizerTests
{
    [Fact]
    public void Training_columns_get_mean_zero_and_population_std_one()
    {
        using var train = tensor(new float[] { 1, 10, 2, 20, 3, 30, 6, 40 }, 4, 2);
        using var scaler = Standardizer.Fit(train);
        Assert.Equal(new float[] { 3, 25 }, scaler.Mean.data<float>().ToArray());
        // population σ: √(((1−3)²+(2−3)²+0²+3²)/4) = √3.5 (not the sample σ √(14/3))
        Assert.Equal(Math.Sqrt(3.5), scaler.Std[0].item<float>(), 5);
        using var z = scaler.Transform(train);
        Assert.All(z.mean(new long[] { 0 }).data<float>().ToArray(), m => Assert.Equal(0, m, 5));
        Assert.All(z.std(0, unbiased: false).data<float>().ToArray(), s => Assert.Equal(1, s, 5));
    }

    [Fact]
    public void Other_sets_use_the_training_statistics_and_invert_back()
    {
        using var train = tensor(new float[] { 0, 2, 4 }, 3, 1);
        using var test = tensor(new float[] { 6 }, 1, 1);
        using var scaler = Standardizer.Fit(train);
        using var z = scaler.Transform(test);
        Assert.Equal((6 - 2) / Math.Sqrt(8.0 / 3), z.item<float>(), 5);
        using var back = scaler.InverseTransform(z);
        Assert.Equal(6, back.item<float>(), 5);
    }

    [Fact]
    public void A_constant_column_is_divided_by_one_not_zero()
    {
        using var train = tensor(new float[] { 5, 1, 5, 2 }, 2, 2);
        using var scaler = Standardizer.Fit(train);
        using var z = scaler.Transform(train);
        Assert.False(z.isnan().any().item<bool>());
        Assert.Equal(new float[] { 0, 0 }, z[.., 0].data<float>().ToArray());
    }

    [Fact]
    public void Rows_of_another_width_are_refused_with_both_shapes()
    {
        using var scaler = Standardizer.Fit(ones(3, 2));
        var error = Assert.Throws<ArgumentException>(() => scaler.Transform(ones(3, 5)));
        Assert.Contains("Expected rows of shape [2]", error.Message);
        Assert.Contains("got [3, 5] float32", error.Message);
    }

    [Fact]
    public void Integer_data_is_refused_with_a_hint()
    {
        var error = Assert.Throws<ArgumentException>(() => Standardizer.Fit(ones(3, 2, dtype: ScalarType.Int64)));
        Assert.Contains("floating-point", error.Message);
    }
}
