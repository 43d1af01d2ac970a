using System.Globalization;
using System.Text;
using Book.Tensors;
using TorchSharp;
using static TorchSharp.torch;

namespace Book.Display;

/// <summary>
/// A tensor as PyTorch prints it, so chapters read like the PyTorch material learners know:
/// <code>
/// tensor([[ 0.1235, -1.0000],
///         [ 2.0000,  3.0000]])
/// shape [2, 2], float32, cpu
/// </code>
/// Floats have 4 decimals, or scientific notation (1.2346e-05) when the largest non-zero magnitude is
/// over 10⁸ or over 1 000 times the smallest, as in PyTorch. All values share one width. Tensors of
/// more than 1 000 elements show only the first and last 3 items of each long dimension, with "...".
/// The last line names the shape, the element type and the device. Every chapter shows tensors this way.
/// </summary>
public static class TensorText
{
    /// <summary>Tensors with more elements than this are summarised.</summary>
    public const int Threshold = 1000;
    /// <summary>Items kept at each end of a summarised dimension.</summary>
    public const int EdgeItems = 3;
    /// <summary>Decimals of floating-point values.</summary>
    public const int Decimals = 4;
    const int LineWidth = 80;

    /// <summary>The values followed by a line with shape, element type and device.</summary>
    public static string Format(Tensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        return Values(tensor) + "\n" + Summary(tensor);
    }

    /// <summary>"shape [2, 3], float32, cpu" (and ", requires_grad" when set).</summary>
    public static string Summary(Tensor tensor) =>
        $"shape {Shapes.Of(tensor)}, {DTypes.Name(tensor.dtype)}, {tensor.device}" + (tensor.requires_grad ? ", requires_grad" : "");

    /// <summary>The values alone, PyTorch style: <c>tensor([1.0000, 2.0000])</c>.</summary>
    public static string Values(Tensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        using var scope = NewDisposeScope();
        var shown = Shown(tensor, out bool[] elided);
        string[] cells = Cells(shown);
        int width = cells.DefaultIfEmpty("").Max(c => c.Length);
        var padded = cells.Select(c => c.PadLeft(width)).ToArray();
        long[] shape = shown.shape;
        if (shape.Length == 0) return $"tensor({padded[0]})";
        int position = 0;
        return "tensor(" + Block(padded, shape, elided, 0, ref position, "tensor(".Length) + ")";
    }

    /// <summary>The tensor on the CPU, cut to its edges along each long dimension when it is large.</summary>
    static Tensor Shown(Tensor source, out bool[] elided)
    {
        var shown = source.detach().cpu();
        bool summarise = shown.numel() > Threshold;
        elided = shown.shape.Select(size => summarise && size > 2 * EdgeItems).ToArray();
        for (int d = 0; d < elided.Length; d++)
        {
            if (!elided[d]) continue;
            long size = shown.shape[d];
            var edges = tensor(new long[] { 0, 1, 2, size - 3, size - 2, size - 1 });
            shown = shown.index_select(d, edges);
        }
        return shown;
    }

    /// <summary>
    /// Every value of <paramref name="shown"/> as text, in row-major order: 4 decimals or scientific for
    /// floats (one choice for all values), integers as they are, booleans as true/false.
    /// </summary>
    public static string[] Cells(Tensor shown)
    {
        if (shown.dtype == ScalarType.Bool) return shown.data<bool>().Select(b => b ? "true" : "false").ToArray();
        if (!DTypes.IsFloatingPoint(shown.dtype))
            return shown.to_type(ScalarType.Int64).data<long>().Select(v => v.ToString(CultureInfo.InvariantCulture)).ToArray();
        double[] values = shown.to_type(ScalarType.Float64).data<double>().ToArray();
        var magnitudes = values.Where(v => double.IsFinite(v) && v != 0).Select(Math.Abs).ToArray();
        bool scientific = magnitudes.Length > 0 && (magnitudes.Max() > 1e8 || magnitudes.Max() / magnitudes.Min() > 1000);
        string format = scientific ? $"0.{new string('0', Decimals)}e+00" : "F" + Decimals;
        return values.Select(v => double.IsNaN(v) ? "nan" : double.IsPositiveInfinity(v) ? "inf" : double.IsNegativeInfinity(v) ? "-inf"
            : v.ToString(format, CultureInfo.InvariantCulture)).ToArray();
    }

    static string Block(string[] cells, long[] shape, bool[] elided, int dim, ref int position, int indent)
    {
        long count = shape[dim];
        var items = new List<string>();
        for (long i = 0; i < count; i++)
        {
            if (elided[dim] && i == EdgeItems) items.Add("...");
            items.Add(dim == shape.Length - 1 ? cells[position++] : Block(cells, shape, elided, dim + 1, ref position, indent + 1));
        }
        if (dim < shape.Length - 1)
        {
            string separator = "," + new string('\n', shape.Length - dim - 1) + new string(' ', indent + 1);
            return "[" + string.Join(separator, items) + "]";
        }
        return "[" + Wrap(items, indent + 1) + "]";
    }

    /// <summary>The items of the last dimension, as many per line as fit in 80 characters.</summary>
    static string Wrap(List<string> items, int indent)
    {
        int width = items.Max(i => i.Length) + 2;
        int perLine = Math.Max(1, (LineWidth - indent) / width);
        var text = new StringBuilder();
        for (int i = 0; i < items.Count; i++)
        {
            if (i > 0) text.Append(i % perLine == 0 ? ",\n" + new string(' ', indent) : ", ");
            text.Append(items[i]);
        }
        return text.ToString();
    }
}
