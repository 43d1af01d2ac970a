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
        var (chapters, skipped) = RenderChapters(layout);
        var chapterPages = chapters.ToDictionary(page => page.Split('-')[0]);
        int pages = FileTree.Copy(layout.Pages, layout.Docs,
            (relative, markdown) => ChapterLinks.Resolve(markdown, relative, chapterPages));
        FileTree.Copy(layout.Assets, Path.Combine(layout.Docs, "assets"));
        BrowserPackages.CopyInto(layout, layout.Docs);
        var rendering = clock.Elapsed;

        MkDocs.Build(layout);
        SearchIndexScript.Write(layout.Output);
        return new SiteBuild(chapters, skipped, pages, layout.HomePage, rendering, clock.Elapsed - rendering, clock.Elapsed);
    }

    static (List<string> Chapters, List<string> Skipped) RenderChapters(SiteLayout layout)
    {
        var chapters = new List<string>();
        var skipped = new List<string>();
        var files = Directory.Exists(layout.Chapters)
            ? Directory.GetFiles(layout.Chapters, "*.ipynb").Order(StringComparer.Ordinal)
            : Enumerable.Empty<string>();
        foreach (string file in files)
        {
            var notebook = Notebook.Load(file);
            string name = Path.GetFileNameWithoutExtension(file);
            if (!ChapterPage.IsExecuted(notebook))
            {
                skipped.Add(Path.GetFileName(file));
                continue;
            }
            File.WriteAllText(Path.Combine(layout.Docs, name + ".md"), ChapterPage.Render(notebook));
            chapters.Add(name + ".md");
        }
        return (chapters, skipped);
    }

    static void Reset(string docs)
    {
        if (Directory.Exists(docs)) Directory.Delete(docs, recursive: true);
        Directory.CreateDirectory(docs);
    }
}
