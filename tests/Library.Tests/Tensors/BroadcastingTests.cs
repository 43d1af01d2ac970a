using Book.Tensors;
using static TorchSharp.torch;

namespace Book.Tests.Tensors;

public class BroadcastingTests
{
    public static TheoryData<long[], long[]> Pairs() => new()
    {
        { [3, 1], [4] },
        { [8, 1, 5], [7, 1] },
        { [2, 3], [2, 3] },
        { [], [2, 2] },
        { [1], [0] },
        { [5, 1, 4], [1, 6, 1] },
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public void The_rule_gives_the_shape_torchsharp_computes(long[] a, long[] b)
    {
        using var scope = NewDisposeScope();
        var result = zeros(a) + zeros(b);
        Assert.Equal(result.shape, Broadcasting.Shape(a, b));
        Assert.Equal(broadcast_tensors(zeros(a), zeros(b))[0].shape, Broadcasting.Shape(b, a));
    }

    [Fact]
    public void Three_shapes_broadcast_together()
    {
        using var scope = NewDisposeScope();
        long[] a = [4, 1, 1], b = [3, 1], c = [2];
        Assert.Equal((zeros(a) + zeros(b) + zeros(c)).shape, Broadcasting.Shape(a, b, c));
    }

    [Theory]
    [InlineData(new long[] { 3, 2 }, new long[] { 3 })]
    [InlineData(new long[] { 0 }, new long[] { 3 })]
    [InlineData(new long[] { 2, 4, 3 }, new long[] { 5, 3 })]
    public void Shapes_torchsharp_rejects_are_rejected_with_both_shapes_named(long[] a, long[] b)
    {
        using var scope = NewDisposeScope();
        Assert.ThrowsAny<Exception>(() => zeros(a) + zeros(b));
        var error = Assert.Throws<ArgumentException>(() => Broadcasting.Shape(a, b));
        Assert.Contains($"Shapes {Shapes.Of(a)} and {Shapes.Of(b)} do not broadcast", error.Message);
        Assert.Contains("expected them equal or one of them 1", error.Message);
    }

    [Fact]
    public void The_message_names_the_dimension_and_the_sizes_that_clash()
    {
        var error = Assert.Throws<ArgumentException>(() => Broadcasting.Shape([3, 2], [3]));
        Assert.StartsWith("Shapes [3, 2] and [3] do not broadcast: dimension 1 of the aligned shapes (counted from 0 after padding with leading 1s) has sizes 2 and 3;", error.Message);
    }

    [Fact]
    public void No_shapes_is_an_error() =>
        Assert.Throws<ArgumentException>(() => Broadcasting.Shape());
}
