using System.Diagnostics;
using Book.Engine.Notebooks;
using Book.Site.Assets;
using Book.Site.Building;
using Book.Site.Pages;
using Book.Site.Rendering;

namespace Book.Site;

/// <summary>
/// <c>book site</c>: every executed chapter notebook becomes a Markdown page, the hand-written pages and the
/// site's scripts join them in the docs folder, and MkDocs (Material theme, mkdocs.yml) builds the static
/// site, which works offline and straight from file://.
/// </summary>
public static class SiteBuilder
{
    /// <summary>Builds the site of <paramref name="layout"/>; throws <see cref="SiteBuildException"/> naming the failed step.</summary>
    public static SiteBuild Build(SiteLayout layout)
    {
        var clock = Stopwatch.StartNew();
        Reset(layout.Docs);
        var notebooks = Chapters(layout.Chapters);
        var executed = notebooks.Where(ChapterPage.IsExecuted).ToList();
        var chapterPages = executed.Select(ChapterPage.PageName).ToDictionary(page => page.Split('-')[0]);
        foreach (var notebook in executed)
            File.WriteAllText(Path.Combine(layout.Docs, ChapterPage.PageName(notebook)), ChapterPage.Render(notebook, chapterPages));
        IReadOnlyList<string> uncomputedErrata = [];
        int pages = FileTree.Copy(layout.Pages, layout.Docs, (relative, markdown) =>
        {
            if (relative == ErrataPage.PagePath)
                (markdown, uncomputedErrata) = ErrataPage.Render(markdown, executed);
            return ChapterLinks.Resolve(markdown, relative, chapterPages);
        });
        FileTree.Copy(layout.Assets, Path.Combine(layout.Docs, "assets"));
        BrowserPackages.CopyInto(layout, layout.Docs);
        var rendering = clock.Elapsed;

        MkDocs.Build(layout);
        SearchIndexScript.Write(layout.Output);
        return new SiteBuild(
            executed.Select(ChapterPage.PageName).ToList(),
            notebooks.Except(executed).Select(notebook => Path.GetFileName(notebook.Path)).ToList(),
            pages, uncomputedErrata, layout.HomePage, rendering, clock.Elapsed - rendering, clock.Elapsed);
    }

    /// <summary>The chapter notebooks in book order (by file name, NN-slug.ipynb); none when the folder does not exist yet.</summary>
    static List<Notebook> Chapters(string folder) =>
        Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*.ipynb").Order(StringComparer.Ordinal).Select(Notebook.Load).ToList()
            : [];

    static void Reset(string docs)
    {
        if (Directory.Exists(docs)) Directory.Delete(docs, recursive: true);
        Directory.CreateDirectory(docs);
    }
}
