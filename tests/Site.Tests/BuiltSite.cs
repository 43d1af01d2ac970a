using Book.Engine.Notebooks;
using Book.Site;
using Book.Site.Rendering;

namespace Book.Tests;

/// <summary>
/// The website, built once for all the tests that need it, by the same code as <c>book site</c>. It is made
/// from the real chapters/ when at least one chapter has been run; until then from the fixture chapter in
/// Fixtures/chapters (math, text, an HTML table, two Plotly charts, an image and an exercise).
/// </summary>
public sealed class BuiltSite
{
    /// <summary>Builds the site.</summary>
    public BuiltSite()
    {
        Root = RepositoryRoot();
        string real = Path.Combine(Root, "chapters");
        bool realChaptersRun = Directory.Exists(real) && Directory.GetFiles(real, "*.ipynb")
            .Any(file => Notebook.Load(file) is var notebook && ChapterPage.IsExecuted(notebook) && notebook.CodeCells.Any(c => c.Outputs.Count > 0));
        Layout = SiteLayout.ForRepository(Root, realChaptersRun ? real : Fixture);
        Build = SiteBuilder.Build(Layout);
        Chapters = Build.Chapters
            .Select(page => (Html: Path.Combine(Layout.Output, Path.ChangeExtension(page, ".html")),
                             Notebook: Notebook.Load(Path.Combine(Layout.Chapters, Path.ChangeExtension(page, ".ipynb")))))
            .ToList();
    }

    /// <summary>The fixture chapters' folder.</summary>
    public static string Fixture => Path.Combine(RepositoryRoot(), "tests", "Site.Tests", "Fixtures", "chapters");

    /// <summary>The repository root.</summary>
    public string Root { get; }

    /// <summary>Where the site was built from and to.</summary>
    public SiteLayout Layout { get; }

    /// <summary>What the build reported.</summary>
    public SiteBuild Build { get; }

    /// <summary>Each chapter's built page and the notebook it came from, in book order.</summary>
    public IReadOnlyList<(string Html, Notebook Notebook)> Chapters { get; }

    /// <summary>The built file at <paramref name="relative"/> (e.g. "appendices/errata.html").</summary>
    public string Page(string relative) => Path.Combine(Layout.Output, relative);

    /// <summary>The folder holding Book.sln, found upwards from the test assembly.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Book.sln"))) return dir.FullName;
        throw new InvalidOperationException($"Expected Book.sln in a folder above {AppContext.BaseDirectory}; found none.");
    }
}

/// <summary>Tests that read the built site share one build (and so never build it twice at once).</summary>
[CollectionDefinition(Name)]
public sealed class BuiltSiteCollection : ICollectionFixture<BuiltSite>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "built site";
}
