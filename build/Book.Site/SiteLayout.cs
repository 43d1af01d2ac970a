using System.Text.RegularExpressions;

namespace Book.Site;

/// <summary>
/// Where the website's parts are. The chapters come from <see cref="Chapters"/>; everything else is fixed
/// by the repository: <c>mkdocs.yml</c> at the root names the generated Markdown folder (<c>docs_dir</c>)
/// and the built site (<c>site_dir</c>), and the hand-written sources live in <c>site/</c>.
/// </summary>
public sealed partial class SiteLayout
{
    SiteLayout(string root, string chapters, string docs, string output)
    {
        Root = root;
        Chapters = chapters;
        Docs = docs;
        Output = output;
    }

    /// <summary>The repository root (holds <c>mkdocs.yml</c>).</summary>
    public string Root { get; }

    /// <summary>The folder of chapter notebooks (NN-slug.ipynb) the site is made from.</summary>
    public string Chapters { get; }

    /// <summary>The generated Markdown folder, emptied and refilled by every build (mkdocs.yml's <c>docs_dir</c>).</summary>
    public string Docs { get; }

    /// <summary>The built static site (mkdocs.yml's <c>site_dir</c>).</summary>
    public string Output { get; }

    /// <summary>mkdocs.yml.</summary>
    public string MkDocsConfig => Path.Combine(Root, "mkdocs.yml");

    /// <summary>site/: the website's own sources.</summary>
    public string Site => Path.Combine(Root, "site");

    /// <summary>site/pages/: hand-written pages (home, appendices), copied into <see cref="Docs"/>.</summary>
    public string Pages => Path.Combine(Site, "pages");

    /// <summary>site/assets/: the book's own scripts and styles, copied into <see cref="Docs"/>/assets.</summary>
    public string Assets => Path.Combine(Site, "assets");

    /// <summary>site/node_modules/: the browser packages that <c>npm ci</c> installs from site/package-lock.json.</summary>
    public string NodeModules => Path.Combine(Site, "node_modules");

    /// <summary>The site's front page once built.</summary>
    public string HomePage => Path.Combine(Output, "index.html");

    /// <summary>
    /// The layout of the repository at <paramref name="root"/>, with chapters from <paramref name="chapters"/>
    /// (default: <c>chapters/</c>); <c>docs_dir</c> and <c>site_dir</c> are read from mkdocs.yml.
    /// </summary>
    public static SiteLayout ForRepository(string root, string? chapters = null)
    {
        string config = Path.Combine(root, "mkdocs.yml");
        if (!File.Exists(config)) throw new SiteBuildException($"Expected the site's configuration at {config}; it does not exist.");
        string text = File.ReadAllText(config);
        return new SiteLayout(root, chapters ?? Path.Combine(root, "chapters"),
            Path.GetFullPath(Path.Combine(root, Setting(text, "docs_dir", config))),
            Path.GetFullPath(Path.Combine(root, Setting(text, "site_dir", config))));
    }

    static string Setting(string yaml, string key, string file)
    {
        var match = Regex.Match(yaml, $@"^{key}:[ \t]*(\S+)[ \t]*$", RegexOptions.Multiline);
        return match.Success ? match.Groups[1].Value.Trim('"', '\'')
            : throw new SiteBuildException($"Expected a top-level '{key}: PATH' line in {file}; found none.");
    }
}
