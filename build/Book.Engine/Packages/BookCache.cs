namespace Book.Engine.Packages;

/// <summary>
/// Where the book keeps what it can always make again (the package restores of cells): <c>$BOOK_CACHE</c> when
/// set, else <c>$XDG_CACHE_HOME/book</c> or <c>~/.cache/book</c> (<c>%LOCALAPPDATA%\book\cache</c> on Windows).
/// Deleting it is always safe.
/// </summary>
public static class BookCache
{
    /// <summary>The cache folder (not created here).</summary>
    public static string Folder
    {
        get
        {
            if (Environment.GetEnvironmentVariable("BOOK_CACHE") is { Length: > 0 } configured) return Path.GetFullPath(configured);
            if (OperatingSystem.IsWindows())
                return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "book", "cache");
            string cache = Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg
                ? xdg : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
            return Path.Combine(cache, "book");
        }
    }
}
