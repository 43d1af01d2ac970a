namespace Book.Site.Rendering;

/// <summary>Which lines of Markdown are inside a code fence (``` or ~~~), for rewrites that must leave code alone.</summary>
static class CodeFences
{
    /// <summary>
    /// For each line, whether it belongs to a fence (the opening and closing lines included) — what
    /// <see cref="DisplayMath"/> and <see cref="Headings"/> must not touch.
    /// </summary>
    public static bool[] Mark(IReadOnlyList<string> lines)
    {
        var inside = new bool[lines.Count];
        string? fence = null;
        for (int i = 0; i < lines.Count; i++)
        {
            string trimmed = lines[i].TrimStart();
            if (fence is null && (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal)))
            {
                fence = trimmed[..3];
                inside[i] = true;
            }
            else if (fence is not null)
            {
                inside[i] = true;
                if (trimmed.StartsWith(fence, StringComparison.Ordinal)) fence = null;
            }
        }
        return inside;
    }
}
