using TorchSharp;
using Book.Convolutions;
using static TorchSharp.torch;

namespace Book.Tests.Convolutions;

/// <summary>The loops of chapter 08 against TorchSharp's convolution and pooling, on every padding and stride.</summary>
public class ConvolutionTests
{
    [Theory]
    [InlineData(1, 1, 0, 1)]
    [InlineData(3, 4, 1, 1)]
    [InlineData(2, 3, 2, 2)]
    [InlineData(3, 2, 0, 3)]
    public void Convolution_by_loops_matches_conv2d(int inChannels, int outChannels, int padding, int stride)
    {
        var generator = new TorchSharp.torch.Generator(11);
        var image = randn([inChannels, 7, 9], ScalarType.Float64, generator: generator);
        var kernels = randn([outChannels, inChannels, 3, 3], ScalarType.Float64, generator: generator);
        var bias = randn([outChannels], ScalarType.Float64, generator: generator);

        var byHand = Convolution.Apply(image, kernels, bias, stride, padding);
        var torch = nn.functional.conv2d(image.unsqueeze(0), kernels, bias, strides: [stride, stride], padding: [padding, padding]).squeeze(0);

        Assert.Equal(torch.shape, byHand.shape);
        Assert.True((byHand - torch).abs().max().ToDouble() < 1e-12, $"max difference {(byHand - torch).abs().max().ToDouble()}");
    }

    [Fact]
    public void The_comparison_can_fail_a_flipped_kernel_is_a_different_operation()
    {
        var generator = new TorchSharp.torch.Generator(5);
        var image = randn([1, 6, 6], ScalarType.Float64, generator: generator);
        var kernels = randn([1, 1, 3, 3], ScalarType.Float64, generator: generator);
        var flipped = Convolution.Apply(image, kernels.flip(2, 3));
        var torch = nn.functional.conv2d(image.unsqueeze(0), kernels).squeeze(0);
        Assert.True((flipped - torch).abs().max().ToDouble() > 0.1);
    }

    [Theory]
    [InlineData(28, 3, 0, 1, 26)]
    [InlineData(28, 3, 1, 1, 28)]
    [InlineData(28, 5, 2, 2, 14)]
    [InlineData(224, 7, 3, 2, 112)]
    [InlineData(8, 3, 0, 2, 3)]
    public void The_output_size_formula_gives_what_conv2d_produces(int n, int k, int padding, int stride, long expected)
    {
        Assert.Equal(expected, Convolution.OutputSize(n, k, padding, stride));
        using var output = nn.functional.conv2d(zeros(1, 1, n, n), zeros(1, 1, k, k), strides: [stride, stride], padding: [padding, padding]);
        Assert.Equal(expected, output.shape[3]);
    }

    [Theory]
    [InlineData(2, null)]
    [InlineData(3, 1)]
    [InlineData(3, 2)]
    public void Pooling_by_loops_matches_max_pool2d_and_avg_pool2d(int size, int? stride)
    {
        var maps = randn([3, 8, 7], ScalarType.Float64, generator: new TorchSharp.torch.Generator(3));
        int s = stride ?? size;

        var max = nn.functional.max_pool2d(maps.unsqueeze(0), [size, size], [s, s]).squeeze(0);
        var average = nn.functional.avg_pool2d(maps.unsqueeze(0), [size, size], [s, s]).squeeze(0);

        Assert.True(Pooling.Max(maps, size, stride).allclose(max, rtol: 0, atol: 0));
        Assert.True((Pooling.Average(maps, size, stride) - average).abs().max().ToDouble() < 1e-12);
    }

    [Fact]
    public void Mismatched_channels_and_a_kernel_too_large_are_named()
    {
        var channels = Assert.Throws<ArgumentException>(() => Convolution.Apply(zeros(3, 5, 5), zeros(2, 1, 3, 3)));
        Assert.Contains("Expected kernels with 3 input channels (the image's), got [2, 1, 3, 3]", channels.Message);
        var tooLarge = Assert.Throws<ArgumentException>(() => Convolution.Apply(zeros(1, 2, 2), zeros(1, 1, 3, 3)));
        Assert.Contains("A 3-pixel kernel does not fit on 2 pixels with padding 0", tooLarge.Message);
    }
}
