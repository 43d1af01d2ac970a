using Microsoft.DotNet.Interactive.Formatting;
using TorchSharp;
using static TorchSharp.torch;

namespace Book.Display;

/// <summary>
/// TorchSharp tensors in notebooks: <c>text/plain</c> as PyTorch prints them (<see cref="TensorText"/>), and
/// for 1-D and 2-D tensors a <c>text/html</c> table of at most 20 × 20 values, elided in the middle,
/// under a caption with shape, element type and device.
/// </summary>
public sealed class TensorFormatters : IFormatterSet
{
    /// <summary>Rows and columns shown in the HTML table before eliding.</summary>
    public const int MaxCells = 20;

    /// <inheritdoc />
    public void Register()
    {
        Formatter.Register<Tensor>(TensorText.Format);
        Formatter.Register<Tensor>(Table, MimeTypes.Html);
    }

    /// <summary>The HTML table of a 1-D or 2-D tensor; other tensors as preformatted text.</summary>
    public static string Table(Tensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        if (tensor.dim() is not (1 or 2))
            return "<pre>" + System.Net.WebUtility.HtmlEncode(TensorText.Format(tensor)) + "</pre>";
        using var scope = NewDisposeScope();
        var matrix = tensor.dim() == 1 ? tensor.detach().cpu().unsqueeze(0) : tensor.detach().cpu();
        long[] rows = Shown(matrix.shape[0]);
        long[] columns = Shown(matrix.shape[1]);
        var kept = matrix.index_select(0, torch.tensor(rows.Where(r => r >= 0).ToArray()))
            .index_select(1, torch.tensor(columns.Where(c => c >= 0).ToArray()));
        string[] cells = TensorText.Cells(kept);
        int width = (int)kept.shape[1];
        var header = new string?[] { "" }.Concat(columns.Select(c => c < 0 ? null : Invariant(c)));
        var body = new List<IEnumerable<string?>>();
        int row = 0;
        foreach (long r in rows)
        {
            if (r < 0) { body.Add(Enumerable.Repeat<string?>(null, columns.Length + 1)); continue; }
            int column = 0;
            int first = row * width;
            body.Add(new string?[] { tensor.dim() == 1 ? "" : Invariant(r) }
                .Concat(columns.Select(c => c < 0 ? null : cells[first + column++])).ToList());
            row++;
        }
        return HtmlTable.Render(TensorText.Summary(tensor), header, body);
    }

    /// <summary>The indices shown of a dimension of <paramref name="size"/>; −1 marks the elided stretch.</summary>
    static long[] Shown(long size) => size <= MaxCells
        ? Enumerable.Range(0, (int)size).Select(i => (long)i).ToArray()
        : Enumerable.Range(0, MaxCells / 2).Select(i => (long)i).Append(-1)
            .Concat(Enumerable.Range(0, MaxCells / 2).Select(i => size - MaxCells / 2 + i)).ToArray();

    static string Invariant(long value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
