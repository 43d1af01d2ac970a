using Book.Site.Building;

namespace Book.Site.Assets;

/// <summary>
/// The browser libraries the site ships so that it works offline and from file:// — plotly.js, MathJax 3
/// (SVG output: no font files to load) and iframe-worker (lets Material's search worker run from file://).
/// They come from npm through site/package.json and package-lock.json; <c>npm ci</c> runs once, when
/// site/node_modules is missing, and the files below are copied into the docs' assets/vendor/.
/// </summary>
public static class BrowserPackages
{
    /// <summary>(file in node_modules, target under assets/vendor/): each library with its licence.</summary>
    public static readonly IReadOnlyList<(string Source, string Target)> Files =
    [
        ("plotly.js-dist-min/plotly.min.js", "plotly.min.js"),
        ("plotly.js-dist-min/LICENSE", "plotly.LICENSE"),
        ("mathjax/es5/tex-svg-full.js", "mathjax/tex-svg-full.js"),
        ("mathjax/LICENSE", "mathjax/LICENSE"),
        ("iframe-worker/shim/index.js", "iframe-worker.js"),
        ("iframe-worker/LICENSE", "iframe-worker.LICENSE"),
    ];

    /// <summary>Installs the packages when needed and copies <see cref="Files"/> into <paramref name="docs"/>/assets/vendor.</summary>
    public static void CopyInto(SiteLayout layout, string docs)
    {
        if (!Directory.Exists(layout.NodeModules))
            ExternalCommand.Run("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], layout.Site,
                "install Node.js and npm (Debian: apt-get install nodejs npm), then run `book site` again.");
        foreach (var (source, target) in Files)
        {
            string from = Path.Combine(layout.NodeModules, source);
            if (!File.Exists(from))
                throw new SiteBuildException($"Expected {from} from site/package-lock.json; it is missing. Delete {layout.NodeModules} and run `book site` again to reinstall.");
            string to = Path.Combine(docs, "assets", "vendor", target);
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(from, to, overwrite: true);
        }
    }
}
