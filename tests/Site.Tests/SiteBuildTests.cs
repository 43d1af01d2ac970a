using System.Net;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace Book.Tests;

/// <summary>What <c>book site</c> writes: every page, offline assets, the search index as a script, and only links that resolve.</summary>
[Collection(BuiltSiteCollection.Name)]
public sealed partial class SiteBuildTests(BuiltSite site, ITestOutputHelper output)
{
    [Fact]
    public void The_build_takes_seconds_and_writes_every_page()
    {
        output.WriteLine($"built {site.Build.Chapters.Count} chapters from {site.Layout.Chapters} in {site.Build.Total.TotalSeconds:0.0} s " +
                         $"(pages {site.Build.Rendering.TotalSeconds:0.0} s, mkdocs {site.Build.MkDocs.TotalSeconds:0.0} s)");
        Assert.True(site.Build.Total < TimeSpan.FromSeconds(60), $"the site took {site.Build.Total.TotalSeconds:0.0} s to build");
        Assert.NotEmpty(site.Chapters);
        foreach (var (html, _) in site.Chapters) Assert.True(File.Exists(html), $"{html} was not built");
        foreach (string page in new[] { "index.html", "appendices/errata.html", "appendices/glossary.html", "appendices/references.html", "appendices/performance.html", "search/search_index.js" })
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

    /// <summary>
    /// Every link and resource reference of every built page — chapter pages, the home page, the appendices,
    /// navigation — points to a file that was built, and every #anchor to an id on that page. (404.html is left
    /// out: MkDocs writes it with links from the server's root, for a web server to show at any depth.)
    /// </summary>
    [Fact]
    public void Every_link_in_the_built_site_resolves_to_a_page_and_anchor_that_exist()
    {
        var broken = new List<string>();
        var ids = new Dictionary<string, HashSet<string>>();
        int links = 0;
        foreach (string html in Directory.EnumerateFiles(site.Layout.Output, "*.html", SearchOption.AllDirectories).Where(f => Path.GetFileName(f) != "404.html"))
            foreach (Match link in Reference().Matches(File.ReadAllText(html)))
            {
                string target = WebUtility.HtmlDecode(link.Groups["url"].Value);
                if (External().IsMatch(target)) continue;
                links++;
                int hash = target.IndexOf('#');
                string path = Uri.UnescapeDataString((hash < 0 ? target : target[..hash]).Split('?')[0]);
                string file = path.Length == 0 ? html : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(html)!, path));
                string where = $"{Path.GetRelativePath(site.Layout.Output, html)} → {target}";
                if (Directory.Exists(file)) file = Path.Combine(file, "index.html");
                if (!File.Exists(file)) { broken.Add($"{where}: no such file"); continue; }
                string anchor = hash < 0 ? "" : Uri.UnescapeDataString(target[(hash + 1)..]);
                if (anchor.Length == 0 || !file.EndsWith(".html", StringComparison.Ordinal)) continue;
                if (!ids.TryGetValue(file, out var known))
                    ids[file] = known = Id().Matches(File.ReadAllText(file)).Select(m => WebUtility.HtmlDecode(m.Groups["id"].Value)).ToHashSet();
                if (!known.Contains(anchor)) broken.Add($"{where}: no element with id \"{anchor}\"");
            }
        output.WriteLine($"{links} links checked");
        Assert.True(links > 100, $"only {links} links found: the scan is broken");
        Assert.True(broken.Count == 0, $"{broken.Count} broken link(s):\n{string.Join("\n", broken.Distinct())}");
    }

    [Fact]
    public void The_errata_list_every_error_each_quoting_its_chapter_or_naming_the_chapter_to_come()
    {
        string errata = File.ReadAllText(site.Page("appendices/errata.html"));
        var entries = Regex.Matches(errata, "<h2 id=\"(\\d+)-").Select(m => int.Parse(m.Groups[1].Value)).ToList();
        Assert.Equal(Enumerable.Range(1, entries.Count), entries);
        Assert.True(entries.Count >= 15, $"expected the 13 errors of SOURCES.md and the ones found while writing; found {entries.Count}");
        Assert.DoesNotContain("<!-- erratum", errata);
        foreach (string section in Regex.Split(errata, "<h2 id=\"").Skip(1).Where(s => char.IsDigit(s[0])))
        {
            string number = section[..section.IndexOf('-')];
            bool placed = section.Contains("Computed in", StringComparison.Ordinal) || section.Contains("Not yet computed", StringComparison.Ordinal)
                          || section.Contains("(coming)", StringComparison.Ordinal) || section.Contains("href=\"references.html\"", StringComparison.Ordinal);
            Assert.True(placed, $"erratum {number} neither quotes a chapter cell, nor says it is not yet computed, nor names the chapter to come");
        }
    }

    [GeneratedRegex(@"\s(?:href|src)=""(?<url>[^""]*)""")]
    private static partial Regex Reference();

    [GeneratedRegex(@"^(?:[a-z][a-z0-9+.-]*:|//)", RegexOptions.IgnoreCase)]
    private static partial Regex External();

    [GeneratedRegex(@"\sid=""(?<id>[^""]*)""")]
    private static partial Regex Id();
}
