using static TorchSharp.torch;

namespace Book.Data;

/// <summary>Which end of a sequence padding is added to, or truncation removes from.</summary>
public enum PaddingSide
{
    /// <summary>The beginning (Keras's <c>'pre'</c>, its default).</summary>
    Pre,
    /// <summary>The end (Keras's <c>'post'</c>).</summary>
    Post,
}

/// <summary>
/// Keras's <c>pad_sequences</c>: token-id sequences of different lengths become one <c>[N, L]</c> int64
/// tensor. Shorter sequences are filled with <c>value</c> (the <see cref="Vocabulary.PadIndex"/>, 0) on the
/// <c>padding</c> side; longer ones lose tokens on the <c>truncating</c> side. L is <c>maxLength</c>, or
/// the longest sequence when it is null. With <c>using static Book.Data.SequencePadding;</c> a chapter
/// writes <c>PadSequences(ids, maxLength: 8)</c> as in Keras. Chapters 09 (RNN/LSTM text classifier) and 09.
/// </summary>
public static class SequencePadding
{
    /// <summary>Pads and truncates <paramref name="sequences"/> to a common length.</summary>
    public static Tensor PadSequences(
        IEnumerable<IReadOnlyList<long>> sequences,
        int? maxLength = null,
        PaddingSide padding = PaddingSide.Pre,
        PaddingSide truncating = PaddingSide.Pre,
        long value = Vocabulary.PadIndex)
    {
        ArgumentNullException.ThrowIfNull(sequences);
        var rows = sequences.ToList();
        if (maxLength is < 0)
            throw new ArgumentOutOfRangeException(nameof(maxLength), maxLength, "Expected a non-negative maxLength (or null for the longest sequence).");
        int length = maxLength ?? rows.Select(r => r.Count).DefaultIfEmpty(0).Max();
        var padded = new long[rows.Count * length];
        Array.Fill(padded, value);
        for (int r = 0; r < rows.Count; r++)
        {
            var row = rows[r] ?? throw new ArgumentException($"Expected a sequence at position {r}, got null.", nameof(sequences));
            int kept = Math.Min(row.Count, length);
            int from = truncating == PaddingSide.Pre ? row.Count - kept : 0;
            int to = padding == PaddingSide.Pre ? length - kept : 0;
            for (int i = 0; i < kept; i++) padded[r * length + to + i] = row[from + i];
        }
        return tensor(padded, new long[] { rows.Count, length }, ScalarType.Int64);
    }
}
