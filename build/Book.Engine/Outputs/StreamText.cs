using System.Text;

namespace Book.Engine.Outputs;

/// <summary>
/// Text printed to one stream (stdout or stderr), appended piece by piece in linear time: a cell that
/// prints a million lines costs a million appends, never a re-join of everything printed so far.
/// With a <see cref="PrintedTextLimit"/>, text beyond the limit is counted instead of kept.
/// </summary>
public sealed class StreamText(string stream, PrintedTextLimit? limit = null)
{
    readonly StringBuilder text = new();

    /// <summary>"stdout" or "stderr".</summary>
    public string Stream { get; } = stream;

    /// <summary>True when the limit cut this stream's text: what followed was counted, not kept.</summary>
    public bool WasCut { get; private set; }

    /// <summary>Appends <paramref name="piece"/>, or as much of it as the limit still allows.</summary>
    public void Append(string piece)
    {
        int kept = limit?.Take(piece) ?? piece.Length;
        text.Append(piece, 0, kept);
        WasCut |= kept < piece.Length;
    }

    /// <summary>The text kept so far.</summary>
    public override string ToString() => text.ToString();
}

/// <summary>
/// How much printed text one cell keeps (like Jupyter's output limits): the first <see cref="Characters"/>
/// characters over all its streams; the rest is counted, and <see cref="Note"/> says how much was left out.
/// </summary>
public sealed class PrintedTextLimit(int characters)
{
    /// <summary>What a notebook keeps of one cell's printed text by default: a million characters (about 1 MB).</summary>
    public const int Default = 1_000_000;

    long elidedCharacters, elidedLines;

    /// <summary>The most characters kept.</summary>
    public int Characters { get; } = characters > 0 ? characters
        : throw new ArgumentOutOfRangeException(nameof(characters), characters, "Expected a positive number of characters.");

    /// <summary>Characters still allowed.</summary>
    public int Remaining { get; private set; } = characters;

    /// <summary>True once some text was left out.</summary>
    public bool Exceeded => elidedCharacters > 0;

    /// <summary>How many characters of <paramref name="piece"/> to keep; counts the rest (and its lines) as left out.</summary>
    public int Take(string piece)
    {
        int kept = Math.Min(piece.Length, Remaining);
        if (kept > 0 && kept < piece.Length && char.IsHighSurrogate(piece[kept - 1])) kept--; // never half a character
        Remaining -= kept;
        if (kept < piece.Length)
        {
            elidedCharacters += piece.Length - kept;
            elidedLines += piece.AsSpan(kept).Count('\n');
        }
        return kept;
    }

    /// <summary>The line that replaces what was left out, saying how much that was.</summary>
    public string Note => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"\n[… {elidedCharacters:N0} more characters ({elidedLines:N0} line{(elidedLines == 1 ? "" : "s")}) were printed and not kept: a notebook keeps the first {Characters:N0} characters a cell prints]\n");
}
