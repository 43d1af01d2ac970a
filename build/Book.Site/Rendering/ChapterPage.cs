using System.Text;
using System.Text.Json;
using Book.Engine.Notebooks;
using Book.Site.Pages;

namespace Book.Site.Rendering;

/// <summary>
/// A chapter notebook as a Markdown page: Markdown cells as they are, code cells as <c>csharp</c> fences,
/// each output after its cell (see <see cref="OutputHtml"/>), the two together in a block whose id is the
/// cell's (<see cref="CellAnchor"/>), so other pages can link to a cell. Exercise solutions are folded into a
/// "Show solution" block, and hidden tests never appear (see <see cref="ExerciseSource"/>).
/// </summary>
public static class ChapterPage
{
    /// <summary>Whether every code cell of <paramref name="notebook"/> has been run (has an execution count).</summary>
    public static bool IsExecuted(Notebook notebook) =>
        notebook.CodeCells.All(cell => cell.ExecutionCount is not null);

    /// <summary>The page for <paramref name="notebook"/>; links to other chapters' notebooks go to their pages (see <see cref="ChapterLinks"/>).</summary>
    public static string Render(Notebook notebook, IReadOnlyDictionary<string, string> chapterPages)
    {
        var page = new StringBuilder();
        page.Append($"---\ntitle: {JsonSerializer.Serialize(notebook.Title)}\n---\n\n");
        foreach (var cell in notebook.Cells)
        {
            string block = cell.Type switch
            {
                "markdown" => ChapterLinks.Resolve(DisplayMath.SetApart(Headings.KeepTrailingHash(cell.Source)).Trim('\n'), PageName(notebook), chapterPages),
                "code" => CodeCell(cell, Path.GetFileName(notebook.Path)),
                _ => "", // raw cells are for other formats than the web page
            };
            if (block.Length > 0) page.Append(Exercise(ExerciseRole.Of(cell.Metadata), block)).Append("\n\n");
        }
        return page.ToString();
    }

    /// <summary>The page's file name: the notebook's, as Markdown ("02-loss-functions.md").</summary>
    public static string PageName(Notebook notebook) => Path.ChangeExtension(Path.GetFileName(notebook.Path), ".md");

    /// <summary>
    /// The HTML id of a code cell's block on its page: its nbformat id when that starts with "cell-" (as the
    /// book's notebooks do), otherwise "cell-" and the id, or "cell-" and its number when it has none.
    /// </summary>
    public static string CellAnchor(NotebookCell cell) => cell.Id switch
    {
        null or "" => $"cell-{cell.Number}",
        var id when id.StartsWith("cell-", StringComparison.Ordinal) => id,
        var id => "cell-" + id,
    };

    static string CodeCell(NotebookCell cell, string notebook)
    {
        string code = ExerciseSource.Visible(cell.Source, $"{notebook}, cell {cell.Number}");
        var blocks = new List<string>();
        if (code.Trim().Length > 0) blocks.Add(Fence(code));
        blocks.AddRange(cell.Outputs.Select(output => OutputHtml.Render(output!.AsObject())).Where(html => html.Length > 0));
        if (blocks.Count == 0) return "";
        return $"<div class=\"nb-cell\" id=\"{CellAnchor(cell)}\" markdown=\"1\">\n\n{string.Join("\n\n", blocks)}\n\n</div>";
    }

    /// <summary>A solution (code or Markdown) folded under "Show solution"; a check cell marked as one, with its points.</summary>
    static string Exercise(ExerciseRole role, string block)
    {
        if (role.IsSolution)
            return $"<details class=\"nb-solution\" markdown=\"1\">\n<summary>Show solution</summary>\n\n{block}\n\n</details>";
        if (role.IsCheck)
            return $"<div class=\"nb-check\" markdown=\"1\">\n<p class=\"nb-check__label\">Check{Points(role.Points)}</p>\n\n{block}\n\n</div>";
        return block;
    }

    static string Points(double points) => points switch
    {
        <= 0 => "",
        1 => " · 1 point",
        _ => FormattableString.Invariant($" · {points:0.##} points"),
    };

    /// <summary>A csharp code fence, longer than any run of backticks inside the code.</summary>
    static string Fence(string code)
    {
        int longest = 0, run = 0;
        foreach (char c in code)
        {
            run = c == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }
        string fence = new('`', Math.Max(3, longest + 1));
        return $"{fence}csharp\n{code}\n{fence}";
    }
}
