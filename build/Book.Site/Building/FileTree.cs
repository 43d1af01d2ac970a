namespace Book.Site.Building;

/// <summary>Copies a folder's files into another, keeping their relative paths.</summary>
static class FileTree
{
    /// <summary>
    /// Copies every file under <paramref name="from"/> into <paramref name="to"/>; Markdown files pass through
    /// <paramref name="rewriteMarkdown"/> (relative path with '/', text) on the way. Returns how many files were copied.
    /// </summary>
    public static int Copy(string from, string to, Func<string, string, string>? rewriteMarkdown = null)
    {
        if (!Directory.Exists(from)) throw new SiteBuildException($"Expected the folder {from}; it does not exist.");
        int count = 0;
        foreach (string file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            string relative = Path.GetRelativePath(from, file).Replace('\\', '/');
            string target = Path.Combine(to, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            if (rewriteMarkdown is not null && file.EndsWith(".md", StringComparison.Ordinal))
                File.WriteAllText(target, rewriteMarkdown(relative, File.ReadAllText(file)));
            else
                File.Copy(file, target, overwrite: true);
            count++;
        }
        return count;
    }
}
