using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Book.Engine.Notebooks;
using Book.Site.Rendering;

namespace Book.Site.Pages;

/// <summary>
/// The errata appendix quotes its corrected values from the chapter cells that compute them, so the two
/// cannot drift. A chapter cell that computes the correction of erratum N carries the cell metadata
/// <c>"book": { "erratum": N }</c> (or a list of numbers) and prints the corrected value; in
/// <c>site/pages/appendices/errata.md</c> each entry ends with a line
/// <code>&lt;!-- erratum N: chapter 4 --&gt;</code>
/// (<c>chapters 6, 7</c> when several correct it), which the build replaces, for each chapter named, by
/// <list type="bullet">
/// <item>each tagged cell's outputs, with a link to the cell, when the chapter has a page;</item>
/// <item>a visible "Not yet computed" note, linking the chapter, when it has a page but no tagged cell
/// (see <see cref="ErrataRendering.Uncomputed"/>; <c>book site</c> lists these as warnings);</item>
/// <item>"Corrected in Chapter 7 (coming)", without a link, when the chapter has no page yet.</item>
/// </list>
/// A tag that the page cannot place is a build error naming the cell: an erratum number with no entry, a
/// chapter the entry does not name, a value that is not a number, or a tagged cell that prints nothing.
/// </summary>
public static partial class ErrataPage
{
    /// <summary>The page's path among the hand-written pages.</summary>
    public const string PagePath = "appendices/errata.md";

    /// <summary>
    /// Replaces every erratum line of <paramref name="markdown"/> with what the <paramref name="chapters"/>
    /// (the executed chapter notebooks) compute. Links are written as <c>chapter:NN#anchor</c>, for
    /// <see cref="ChapterLinks.Resolve"/> to turn into page links or "(coming)".
    /// </summary>
    public static ErrataRendering Render(string markdown, IReadOnlyList<Notebook> chapters)
    {
        var entries = Entry().Matches(markdown).Select(match => new
        {
            Number = int.Parse(match.Groups["number"].Value),
            Chapters = match.Groups["chapters"].Value.Split(',').Select(c => int.Parse(c.Trim())).ToList(),
        }).ToList();
        var duplicate = entries.GroupBy(e => e.Number).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new SiteBuildException($"{PagePath}: erratum {duplicate.Key} has {duplicate.Count()} '<!-- erratum {duplicate.Key}: chapter … -->' lines; expected one.");

        var tagged = TaggedCells(chapters);
        foreach (var (number, cell) in tagged)
        {
            var entry = entries.FirstOrDefault(e => e.Number == number)
                ?? throw new SiteBuildException($"{cell}: tagged \"book\": {{\"erratum\": {number}}}, but {PagePath} has no erratum {number} " +
                                                $"(it has {string.Join(", ", entries.Select(e => e.Number))}); add its entry or correct the tag.");
            if (!entry.Chapters.Contains(cell.Chapter))
                throw new SiteBuildException($"{cell}: tagged \"book\": {{\"erratum\": {number}}}, but {PagePath} says erratum {number} is corrected in " +
                                             $"chapter{(entry.Chapters.Count == 1 ? "" : "s")} {string.Join(", ", entry.Chapters)}; add chapter {cell.Chapter} to its line.");
        }

        var uncomputed = new List<string>();
        string page = Entry().Replace(markdown, match =>
        {
            int number = int.Parse(match.Groups["number"].Value);
            var blocks = new List<string>();
            foreach (int chapter in match.Groups["chapters"].Value.Split(',').Select(c => int.Parse(c.Trim())))
            {
                var notebook = chapters.FirstOrDefault(n => ChapterNumber(n) == chapter);
                var cells = tagged.Where(t => t.Number == number && t.Cell.Chapter == chapter).Select(t => t.Cell).ToList();
                if (notebook is null)
                    blocks.Add($"**Corrected in** [Chapter {chapter}](chapter:{chapter:00}).");
                else if (cells.Count == 0)
                {
                    uncomputed.Add($"erratum {number}: chapter {chapter} ({Path.GetFileName(notebook.Path)}) has no cell tagged \"book\": {{\"erratum\": {number}}}");
                    blocks.Add($"<div class=\"nb-erratum-missing\" markdown=\"1\">\n**Not yet computed.** [Chapter {chapter}](chapter:{chapter:00}) corrects this, " +
                               $"but none of its cells is tagged as computing erratum {number}, so there is no value to quote here yet.\n</div>");
                }
                else
                    blocks.AddRange(cells.Select(Quote));
            }
            return string.Join("\n\n", blocks);
        });
        return new ErrataRendering(page, uncomputed);
    }

    /// <summary>The chapter number of a notebook file named NN-slug.ipynb.</summary>
    static int ChapterNumber(Notebook notebook) => int.Parse(Path.GetFileName(notebook.Path)[..2]);

    static string Quote(TaggedCell cell)
    {
        var outputs = cell.Cell.Outputs.Select(output => OutputHtml.Render(output!.AsObject())).Where(html => html.Length > 0).ToList();
        var quote = new StringBuilder();
        quote.Append($"**Computed in** [Chapter {cell.Chapter}, cell {cell.Cell.Number}](chapter:{cell.Chapter:00}#{ChapterPage.CellAnchor(cell.Cell)}), which prints:\n\n");
        quote.Append(string.Join("\n\n", outputs));
        return quote.ToString();
    }

    static List<(int Number, TaggedCell Cell)> TaggedCells(IReadOnlyList<Notebook> chapters)
    {
        var tagged = new List<(int, TaggedCell)>();
        foreach (var notebook in chapters)
            foreach (var cell in notebook.Cells)
            {
                if (cell.Metadata["book"]?["erratum"] is not { } tag) continue;
                var where = new TaggedCell(Path.GetFileName(notebook.Path), ChapterNumber(notebook), cell);
                if (!cell.IsCode)
                    throw new SiteBuildException($"{where}: only a code cell can be tagged \"book\": {{\"erratum\": …}} (its output is quoted); this is a {cell.Type} cell.");
                var numbers = Numbers(tag, where);
                if (!cell.Outputs.Select(o => OutputHtml.Render(o!.AsObject())).Any(html => html.Length > 0))
                    throw new SiteBuildException($"{where}: tagged as computing erratum {string.Join(", ", numbers)}, but it prints nothing; expected it to print the corrected value.");
                tagged.AddRange(numbers.Select(n => (n, where)));
            }
        return tagged;
    }

    static List<int> Numbers(JsonNode tag, TaggedCell where)
    {
        List<JsonNode?> values = tag is JsonArray list ? [.. list] : [tag];
        return values.Select(value => value is JsonValue v && v.TryGetValue(out int n) && n > 0 ? n
            : throw new SiteBuildException($"{where}: expected \"book\": {{\"erratum\": N}} with N the number of an erratum (or a list of them), got {tag.ToJsonString()}.")).ToList();
    }

    /// <summary>A tagged cell: which notebook and chapter it is in; prints as "04-gradient-descent.ipynb, cell 13".</summary>
    sealed record TaggedCell(string File, int Chapter, NotebookCell Cell)
    {
        public override string ToString() => $"{File}, cell {Cell.Number}";
    }

    [GeneratedRegex(@"^<!--\s*erratum\s+(?<number>\d+)\s*:\s*chapters?\s+(?<chapters>\d+(?:\s*,\s*\d+)*)\s*-->[ \t]*$", RegexOptions.Multiline)]
    private static partial Regex Entry();
}

/// <summary>The errata page with its computed values, and the errata whose chapter exists but computes nothing yet.</summary>
/// <param name="Markdown">The page, with chapter links still as <c>chapter:NN</c>.</param>
/// <param name="Uncomputed">One line per erratum and chapter that is written but has no tagged cell.</param>
public sealed record ErrataRendering(string Markdown, IReadOnlyList<string> Uncomputed);
