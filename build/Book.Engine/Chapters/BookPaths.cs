namespace Book.Engine.Chapters;

/// <summary>Where the book's parts are: found from the current folder upwards (the folder holding Book.sln).</summary>
public sealed class BookPaths
{
    BookPaths(string root) => Root = root;

    /// <summary>The repository root.</summary>
    public string Root { get; }

    /// <summary>chapters/</summary>
    public string Chapters => Path.Combine(Root, "chapters");

    /// <summary>site/</summary>
    public string Site => Path.Combine(Root, "site");

    /// <summary>.book/unsaved/ (not committed): where a run's notebook is kept when the chapter changed on disk while it ran.</summary>
    public string Unsaved => Path.Combine(Root, ".book", "unsaved");

    /// <summary>Finds the root from <paramref name="start"/> (default: the current folder) upwards.</summary>
    public static BookPaths Find(string? start = null)
    {
        for (var dir = new DirectoryInfo(start ?? Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Book.sln"))) return new BookPaths(dir.FullName);
        throw new BookException($"No Book.sln found in '{start ?? Environment.CurrentDirectory}' or any folder above it: run `book` inside the book's repository.");
    }

    /// <summary>Every chapter notebook, in book order (by file name: NN-slug.ipynb).</summary>
    public IReadOnlyList<string> AllChapters() => Directory.Exists(Chapters)
        ? Directory.GetFiles(Chapters, "*.ipynb").Order(StringComparer.Ordinal).ToList()
        : [];

    /// <summary>
    /// Resolves what a user typed — a path, a file name, a number ("02" or "2") or a slug
    /// ("loss-functions") — to chapter files. No arguments means every chapter.
    /// </summary>
    public IReadOnlyList<string> ResolveChapters(IReadOnlyList<string> requests)
    {
        if (requests.Count == 0) return AllChapters();
        var all = AllChapters();
        return requests.Select(request =>
        {
            if (File.Exists(request)) return Path.GetFullPath(request);
            string name = Path.GetFileNameWithoutExtension(request);
            var matches = all.Where(file =>
            {
                string stem = Path.GetFileNameWithoutExtension(file);
                string number = stem.Split('-')[0];
                return stem == name || stem[(number.Length + 1)..] == name
                       || (int.TryParse(name, out int n) && int.TryParse(number, out int m) && n == m);
            }).ToList();
            return matches.Count == 1 ? matches[0]
                : throw new BookException(matches.Count == 0
                    ? $"No chapter matches '{request}'. Chapters: {string.Join(", ", all.Select(Path.GetFileName))}."
                    : $"'{request}' matches several chapters: {string.Join(", ", matches.Select(Path.GetFileName))}.");
        }).ToList();
    }
}

/// <summary>A user-facing error of the book's tools: printed without a stack trace.</summary>
public class BookException(string message) : Exception(message);
