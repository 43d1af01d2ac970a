namespace Book.Site;

/// <summary>What a site build made and how long each step took.</summary>
/// <param name="Chapters">The chapter pages, in book order (docs-relative file names, e.g. "02-loss-functions.md").</param>
/// <param name="SkippedChapters">Notebooks left out because some code cell has not been run.</param>
/// <param name="Pages">How many hand-written pages (home, appendices) were added.</param>
/// <param name="UncomputedErrata">Errata whose chapter has a page but no cell tagged as computing the correction (see <see cref="Pages.ErrataPage"/>).</param>
public sealed record SiteBuild(
    IReadOnlyList<string> Chapters,
    IReadOnlyList<string> SkippedChapters,
    int Pages,
    IReadOnlyList<string> UncomputedErrata,
    string HomePage,
    TimeSpan Rendering,
    TimeSpan MkDocs,
    TimeSpan Total);
