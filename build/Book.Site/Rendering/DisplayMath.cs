namespace Book.Site.Rendering;

/// <summary>
/// Jupyter shows <c>$$…$$</c> as display math wherever it stands; Python-Markdown's arithmatex only when it is
/// a paragraph of its own. So in notebook Markdown a display formula that starts a line gets a blank line
/// before and after it (code fences are left alone), and the page shows what the notebook shows.
/// </summary>
public static class DisplayMath
{
    /// <summary>The Markdown with every line-leading <c>$$…$$</c> block set apart by blank lines.</summary>
    public static string SetApart(string markdown)
    {
        var lines = markdown.Replace("\r\n", "\n").Split('\n');
        var result = new List<string>(lines.Length + 4);
        bool[] code = CodeFences.Mark(lines);
        for (int i = 0; i < lines.Length; i++)
        {
            if (code[i] || !lines[i].TrimStart().StartsWith("$$", StringComparison.Ordinal))
            {
                result.Add(lines[i]);
                continue;
            }
            int end = ClosingLine(lines, i);
            if (result.Count > 0 && result[^1].Trim() != "") result.Add("");
            result.AddRange(lines[i..(end + 1)]);
            if (end + 1 < lines.Length && lines[end + 1].Trim() != "") result.Add("");
            i = end;
        }
        return string.Join('\n', result);
    }

    /// <summary>The line holding the <c>$$</c> that closes the one starting line <paramref name="start"/> (itself when it closes there).</summary>
    static int ClosingLine(string[] lines, int start)
    {
        string first = lines[start].TrimStart()[2..];
        if (first.Contains("$$", StringComparison.Ordinal)) return start;
        for (int i = start + 1; i < lines.Length; i++)
            if (lines[i].Contains("$$", StringComparison.Ordinal)) return i;
        return start; // unclosed: left for the reader to see, as Jupyter would show it
    }
}
