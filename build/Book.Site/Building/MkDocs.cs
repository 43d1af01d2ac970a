namespace Book.Site.Building;

/// <summary>Runs <c>mkdocs build --strict</c> with the repository's mkdocs.yml: any warning (a broken link, a missing page) fails the build.</summary>
static class MkDocs
{
    /// <summary>Builds <see cref="SiteLayout.Docs"/> into <see cref="SiteLayout.Output"/>.</summary>
    public static void Build(SiteLayout layout) =>
        ExternalCommand.Run("mkdocs", ["build", "--strict", "--clean", "--config-file", layout.MkDocsConfig], layout.Root,
            "./book build installs them (Debian packages mkdocs, mkdocs-material, python3-pymdownx; build/setup/debian-packages.txt).");
}
