using System.Globalization;
using Book.Engine.Chapters;
using Book.Engine.Notebooks;

namespace Book.Tool.Commands;

/// <summary>
/// <c>book run [chapters...] [--timeout SECONDS]</c>: executes chapters top to bottom and writes their
/// outputs back into the notebooks. Stops at the first failing cell, naming chapter, cell and line;
/// that notebook is left unchanged.
/// </summary>
public static class RunCommand
{
    /// <summary>Runs the command; returns the process exit code.</summary>
    public static async Task<int> RunAsync(BookPaths paths, IReadOnlyList<string> args)
    {
        var (chapters, timeout) = Parse(args);
        var files = paths.ResolveChapters(chapters);
        if (files.Count == 0) throw new BookException($"No chapters found in {paths.Chapters}.");
        var total = TimeSpan.Zero;
        foreach (var file in files)
        {
            string name = Path.GetRelativePath(paths.Root, file);
            Console.Error.WriteLine($"▶ {name}");
            try
            {
                // A .dib (Polyglot's text format) has no place for outputs: they are printed instead.
                bool dib = DibFile.IsDib(file);
                Action<NotebookCell, TimeSpan> progress = (cell, elapsed) => Console.Error.WriteLine($"    cell {cell.Number,3}  {elapsed.TotalSeconds,6:0.0} s");
                var run = dib ? await ChapterRunner.RunAsync(file, timeout, progress) : await ChapterRunner.RunAndSaveAsync(file, timeout, progress);
                if (dib) Console.Out.Write(OutputText.Of(run.Notebook));
                total += run.Elapsed;
                string outputs = dib ? "outputs printed (a .dib file keeps none)" : "outputs written";
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"✔ {name}: {run.CellTimes.Count} code cells in {run.Elapsed.TotalSeconds:0.0} s (outside the cells: {run.Overhead.TotalSeconds:0.00} s); {outputs}"));
            }
            catch (ChapterFailedException failure)
            {
                Console.Error.WriteLine($"✘ {failure.Message}");
                Console.Error.WriteLine($"  {name} was not changed.");
                return 1;
            }
        }
        if (files.Count > 1) Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"All {files.Count} chapters ran in {total.TotalSeconds:0.0} s."));
        return 0;
    }

    static (List<string> Chapters, TimeSpan? Timeout) Parse(IReadOnlyList<string> args)
    {
        var chapters = new List<string>();
        TimeSpan? timeout = null;
        for (int i = 0; i < args.Count; i++)
        {
            if (args[i] == "--timeout")
            {
                if (i + 1 >= args.Count || !double.TryParse(args[i + 1], CultureInfo.InvariantCulture, out double seconds) || seconds <= 0)
                    throw new BookException($"--timeout expects a positive number of seconds, got '{(i + 1 < args.Count ? args[i + 1] : "nothing")}'.");
                timeout = TimeSpan.FromSeconds(seconds);
                i++;
            }
            else if (args[i].StartsWith("--", StringComparison.Ordinal)) throw new BookException($"Unknown option '{args[i]}' for `book run`.");
            else chapters.Add(args[i]);
        }
        return (chapters, timeout);
    }
}
