using Book.Engine.Chapters;
using Book.Engine.Export;
using Book.Engine.Notebooks;
using Book.Runtime;

namespace Book.Tool.Commands;

/// <summary>
/// <c>book export [chapters...] [--out DIR]</c>: writes each chapter as a .NET file-based app,
/// <c>DIR/NN-slug.cs</c> (default DIR: export/ at the repository root), run with <c>dotnet run DIR/NN-slug.cs</c>.
/// The folder must lie inside the repository, so the apps build with its Directory.Build settings.
/// </summary>
public static class ExportCommand
{
    /// <summary>Runs the command; returns the process exit code.</summary>
    public static int Run(BookPaths paths, IReadOnlyList<string> args)
    {
        var (chapters, output) = Parse(args, paths);
        var files = paths.ResolveChapters(chapters);
        if (files.Count == 0) throw new BookException($"No chapters found in {paths.Chapters}.");
        Directory.CreateDirectory(output);
        string library = Path.GetRelativePath(output, Path.Combine(paths.Root, "lib", "Book.Library.csproj"));
        foreach (var file in files)
        {
            var exported = ChapterExport.ToFileBasedApp(Notebook.Load(file), library, Path.GetRelativePath(output, Path.GetDirectoryName(file)!));
            string target = Path.Combine(output, Path.GetFileNameWithoutExtension(file) + ".cs");
            AtomicFile.WriteText(target, exported.Source);
            Console.Error.WriteLine($"✔ {Path.GetRelativePath(paths.Root, file)} → {Path.GetRelativePath(Environment.CurrentDirectory, target)}");
            foreach (var warning in exported.Warnings) Console.Error.WriteLine($"  ⚠ {warning}");
        }
        Console.Error.WriteLine($"Run one with `dotnet run {Path.GetRelativePath(Environment.CurrentDirectory, Path.Combine(output, Path.GetFileNameWithoutExtension(files[0]) + ".cs"))}`.");
        return 0;
    }

    static (List<string> Chapters, string Output) Parse(IReadOnlyList<string> args, BookPaths paths)
    {
        var chapters = new List<string>();
        string output = Path.Combine(paths.Root, "export");
        for (int i = 0; i < args.Count; i++)
        {
            if (args[i] == "--out")
            {
                if (i + 1 >= args.Count) throw new BookException("--out expects a folder, got nothing.");
                output = Path.GetFullPath(args[++i]);
                if (!Path.GetRelativePath(paths.Root, output).Split(Path.DirectorySeparatorChar)[0].Equals("..", StringComparison.Ordinal)) continue;
                throw new BookException($"--out expects a folder inside the repository ({paths.Root}) so the apps build with its settings, got {output}.");
            }
            if (args[i].StartsWith("--", StringComparison.Ordinal)) throw new BookException($"Unknown option '{args[i]}' for `book export`.");
            chapters.Add(args[i]);
        }
        return (chapters, output);
    }
}
