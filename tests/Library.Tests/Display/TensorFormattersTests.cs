using Book.Display;
using static TorchSharp.torch;

namespace Book.Tests.Display;

public class TensorFormattersTests
{
    [Fact]
    public void A_matrix_prints_like_pytorch_with_four_decimals_and_a_summary_line()
    {
        using var t = tensor(new float[] { 0.12345f, -1, 2, 3 }, 2, 2);
        Assert.Equal(
            "tensor([[ 0.1235, -1.0000],\n" +
            "        [ 2.0000,  3.0000]])\n" +
            "shape [2, 2], float32, cpu", BookFormatters.Format(t));
    }

    [Fact]
    public void Integers_booleans_and_scalars_print_as_they_are()
    {
        using var ints = tensor(new long[] { 1, 20, 300 });
        Assert.Equal("tensor([  1,  20, 300])\nshape [3], int64, cpu", BookFormatters.Format(ints));
        using var flags = tensor(new[] { true, false });
        Assert.StartsWith("tensor([ true, false])", BookFormatters.Format(flags));
        using var scalar = tensor(3.14159);
        Assert.Equal("tensor(3.1416)\nshape [], float64, cpu", BookFormatters.Format(scalar));
    }

    [Fact]
    public void Widely_spread_magnitudes_switch_to_scientific_notation()
    {
        using var t = tensor(new float[] { 1e-5f, 1f });
        Assert.StartsWith("tensor([1.0000e-05, 1.0000e+00])", BookFormatters.Format(t));
    }

    [Fact]
    public void Three_dimensions_are_separated_by_blank_lines()
    {
        using var t = arange(8).reshape(2, 2, 2);
        Assert.StartsWith(
            "tensor([[[0, 1],\n" +
            "         [2, 3]],\n" +
            "\n" +
            "        [[4, 5],\n" +
            "         [6, 7]]])", BookFormatters.Format(t));
    }

    [Fact]
    public void Large_tensors_show_their_edges_around_an_ellipsis()
    {
        using var t = arange(2000).reshape(40, 50);
        string text = BookFormatters.Format(t);
        Assert.StartsWith("tensor([[   0,    1,    2, ...,   47,   48,   49],\n        [  50,", text);
        Assert.Contains("        ...,\n        [1850,", text);
        Assert.EndsWith("1997, 1998, 1999]])\nshape [40, 50], int64, cpu", text);
        Assert.Equal(8, text.Split('\n').Length);
    }

    [Fact]
    public void Requires_grad_is_named()
    {
        using var w = ones(2, requires_grad: true);
        Assert.EndsWith("shape [2], float32, cpu, requires_grad", BookFormatters.Format(w));
    }

    [Fact]
    public void Html_is_a_table_for_matrices_with_a_caption_and_elision()
    {
        using var t = arange(30 * 3, dtype: ScalarType.Float32).reshape(30, 3);
        var bundle = MimeBundle.Of(t);
        string html = bundle[MimeTypes.Html];
        Assert.StartsWith("<table class=\"book-table\"><caption>shape [30, 3], float32, cpu</caption>", html);
        Assert.Contains("<tr><th>0</th><td>0.0000</td><td>1.0000</td><td>2.0000</td></tr>", html);
        Assert.Contains("<tr><th>…</th><td>…</td><td>…</td><td>…</td></tr>", html);
        Assert.Contains("<th>29</th><td>87.0000</td>", html);
        Assert.Equal(21 + 1, html.Split("<tr>").Length - 1);
    }

    [Fact]
    public void Html_of_a_three_dimensional_tensor_is_its_text()
    {
        using var t = zeros(2, 2, 2);
        Assert.StartsWith("<pre>tensor([[[0.0000", BookFormatters.Format(t, MimeTypes.Html));
    }
}
