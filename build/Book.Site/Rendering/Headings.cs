namespace Book.Site.Rendering;

/// <summary>
/// Python-Markdown drops every <c>#</c> at the end of an ATX heading, so <c># 2. Tensors … in C#</c> would be shown
/// as "… in C". Jupyter, like CommonMark, keeps a <c>#</c> that ends a word. A heading line whose last <c>#</c>
/// follows a non-space character gets a closing sequence, <c> #</c>, which both read as the end of the heading —
/// the page then shows what the notebook shows. Code fences are left alone.
/// </summary>
public static class Headings
{
    /// <summary>The Markdown with a closing <c> #</c> after every heading that ends in a word's <c>#</c>.</summary>
    public static string KeepTrailingHash(string markdown)
    {
        var lines = markdown.Split('\n');
        bool[] code = CodeFences.Mark(lines);
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].TrimEnd();
            if (code[i] || !IsHeading(line) || !line.EndsWith('#') || char.IsWhiteSpace(line[^2]) || line[^2] == '#') continue;
            lines[i] = line + " #";
        }
        return string.Join('\n', lines);
    }

    /// <summary>An ATX heading: one to six <c>#</c>, a space, and text.</summary>
    static bool IsHeading(string line)
    {
        int level = line.TakeWhile(c => c == '#').Count();
        return level is >= 1 and <= 6 && line.Length > level + 1 && line[level] == ' ';
    }
}
