using System.Globalization;
using Book.Engine.Chapters;
using Book.Engine.Notebooks;
using Book.Site;

namespace Book.Tool.Commands;

/// <summary>
/// <c>book site</c>: renders every executed chapter and the hand-written pages into a static website
/// (site/build, open index.html from disk) and says how long it took.
/// </summary>
public static class SiteCommand
{
    /// <summary>Builds the site; returns the process exit code.</summary>
    public static int Run(BookPaths paths)
    {
        SiteBuild build;
        try { build = SiteBuilder.Build(SiteLayout.ForRepository(paths.Root, paths.Chapters)); }
        catch (Exception e) when (e is SiteBuildException or NotebookFormatException)
        {
            throw new BookException($"the site was not built: {e.Message}");
        }
        foreach (string skipped in build.SkippedChapters)
            Console.Error.WriteLine($"  {skipped} left out: some of its cells have not been run (`book run {skipped.Split('-')[0]}` first).");
        foreach (string erratum in build.UncomputedErrata)
            Console.Error.WriteLine($"  errata: {erratum}; the appendix shows \"Not yet computed\" there.");
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"✔ site: {build.Chapters.Count} chapter{(build.Chapters.Count == 1 ? "" : "s")} and {build.Pages} other pages in {build.Total.TotalSeconds:0.0} s (pages {build.Rendering.TotalSeconds:0.0} s, mkdocs {build.MkDocs.TotalSeconds:0.0} s) → {Path.GetRelativePath(paths.Root, build.HomePage)}"));
        return 0;
    }
}
