using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace Book.Tests;

/// <summary>What <c>book site</c> writes: every page, offline assets, the search index as a script, and only links that resolve.</summary>
[Collection(BuiltSiteCollection.Name)]
public sealed class SiteBuildTests(BuiltSite site, ITestOutputHelper output)
{
    [Fact]
    public void The_build_takes_seconds_and_writes_every_page()
    {
        output.WriteLine($"built {site.Build.Chapters.Count} chapters from {site.Layout.Chapters} in {site.Build.Total.TotalSeconds:0.0} s " +
                         $"(pages {site.Build.Rendering.TotalSeconds:0.0} s, mkdocs {site.Build.MkDocs.TotalSeconds:0.0} s)");
        Assert.True(site.Build.Total < TimeSpan.FromSeconds(60), $"the site took {site.Build.Total.TotalSeconds:0.0} s to build");
        Assert.NotEmpty(site.Chapters);
        foreach (var (html, _) in site.Chapters) Assert.True(File.Exists(html), $"{html} was not built");
        foreach (string page in new[] { "index.html", "appendices/errata.html", "appendices/glossary.html", "appendices/references.html", "search/search_index.js" })
            Assert.True(File.Exists(site.Page(page)), $"{page} was not built");
    }

    [Fact]
    public void Pages_load_nothing_from_the_network()
    {
        var remote = new Regex("<(?:script|img|iframe)[^>]*\\ssrc=\"(?:https?:)?//|<link[^>]*\\shref=\"(?:https?:)?//[^\"]*\"[^>]*>");
        foreach (string html in Directory.EnumerateFiles(site.Layout.Output, "*.html", SearchOption.AllDirectories))
        {
            var found = remote.Match(File.ReadAllText(html));
            Assert.False(found.Success, $"{html} loads a remote resource: {found.Value}");
        }
    }

    [Fact]
    public void The_errata_list_thirteen_errors_each_linked_to_a_built_chapter_or_forthcoming()
    {
        string errata = File.ReadAllText(site.Page("appendices/errata.html"));
        Assert.Equal(13, Regex.Matches(errata, "<h2 id=\"\\d+-").Count);
        var chapterLinks = Regex.Matches(errata, "href=\"\\.\\./(\\d\\d-[^\"#]+\\.html)");
        foreach (Match link in chapterLinks)
            Assert.True(File.Exists(site.Page(link.Groups[1].Value)), $"the errata link to {link.Groups[1].Value}, which was not built");
        int forthcoming = Regex.Matches(errata, "chapter forthcoming").Count;
        Assert.True(chapterLinks.Count + forthcoming >= 13, $"expected a chapter link or 'chapter forthcoming' for each erratum; found {chapterLinks.Count} links and {forthcoming} forthcoming");
    }
}
