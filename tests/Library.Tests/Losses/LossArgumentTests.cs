using Book.Losses;
using static TorchSharp.torch;

namespace Book.Tests.Losses;

/// <summary>Bad input gets an error naming what was expected and what came.</summary>
public class LossArgumentTests
{
    [Fact]
    public void Mismatched_shapes_name_both_shapes()
    {
        var error = Assert.Throws<ArgumentException>(() => MeanSquaredError.Of(zeros(4), zeros(4, 1)));
        Assert.Contains("Expected target of shape [4]", error.Message);
        Assert.Contains("got [4, 1]", error.Message);
    }

    [Fact]
    public void Class_indices_out_of_range_are_reported_with_the_valid_range()
    {
        var error = Assert.Throws<ArgumentException>(() => CrossEntropy.FromLogits(zeros(2, 3), tensor(new long[] { 0, 3 })));
        Assert.Contains("[0, 2]", error.Message);
        Assert.Contains("to 3", error.Message);
    }

    [Fact]
    public void Float_class_indices_are_rejected_with_the_dtype_named()
    {
        var error = Assert.Throws<ArgumentException>(() => CrossEntropy.FromLogits(zeros(2, 3), tensor(new float[] { 0, 1 })));
        Assert.Contains("Int64", error.Message);
        Assert.Contains("Float32", error.Message);
    }

    [Fact]
    public void Logits_without_a_class_dimension_are_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => CrossEntropy.FromLogits(zeros(3), tensor(new long[] { 0 })));
        Assert.Contains("[samples, classes]", error.Message);
    }
}
