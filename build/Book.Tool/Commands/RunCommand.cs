using System.Globalization;
using Book.Engine.Chapters;
using Book.Engine.Execution;
using Book.Engine.Notebooks;

namespace Book.Tool.Commands;

/// <summary>
/// <c>book run [chapters...] [--timeout SECONDS]</c>: executes chapters top to bottom and writes their
/// outputs back into the notebooks. Stops at the first failing cell, naming chapter, cell, line and
/// error; that notebook is left unchanged, and the chapters after it are named as not run.
/// </summary>
public static class RunCommand
{
    /// <summary>Runs the command; returns the process exit code.</summary>
    /// <param name="verbose">Print the failing cell's traceback too.</param>
    public static async Task<int> RunAsync(BookPaths paths, IReadOnlyList<string> args, bool verbose = false)
    {
        var (chapters, timeout) = Parse(args);
        var files = paths.ResolveChapters(chapters);
        if (files.Count == 0) throw new BookException($"No chapters found in {paths.Chapters}.");
        string Name(string file) => Path.GetRelativePath(paths.Root, file);
        int current = 0;
        // A cell that calls Environment.Exit ends the process: say so, and what did not run, before it ends.
        CellExitGuard.Exiting += exit => Fail($"{Name(files[current])}: {exit.Describe()}");

        var options = new ChapterRunOptions
        {
            CellTimeout = timeout,
            Progress = cell => Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"    cell {cell.Cell.Number,3}  {cell.Result.Elapsed.TotalSeconds,6:0.0} s")),
        };
        var total = TimeSpan.Zero;
        for (; current < files.Count; current++)
        {
            string name = Name(files[current]);
            Console.Error.WriteLine($"▶ {name}");
            try
            {
                // A .dib (Polyglot's text format) has no place for outputs: they are printed instead.
                bool dib = DibFile.IsDib(files[current]);
                var run = dib ? await ChapterRunner.RunAsync(files[current], options) : await ChapterRunner.RunAndSaveAsync(files[current], paths.Unsaved, options);
                if (dib) Console.Out.Write(OutputText.Of(run.Notebook));
                total += run.Elapsed;
                string outputs = dib ? "outputs printed (a .dib file keeps none)" : "outputs written";
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"✔ {name}: {run.CellTimes.Count} code cells in {run.Elapsed.TotalSeconds:0.0} s (outside the cells: {run.Overhead.TotalSeconds:0.00} s); {outputs}"));
            }
            catch (ChapterFailedException failure)
            {
                Fail($"{name}: {failure.Problem}");
                if (verbose) foreach (string line in failure.Traceback) Console.Error.WriteLine($"    {line}");
                return 1;
            }
            catch (BookException problem) when (problem is NotebookChangedException or NotebookFormatException)
            {
                Fail(problem.Message, saidUnchanged: true);
                if (verbose) Console.Error.WriteLine(problem);
                return 1;
            }
        }
        if (files.Count > 1) Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"All {files.Count} chapters ran in {total.TotalSeconds:0.0} s."));
        return 0;

        void Fail(string message, bool saidUnchanged = false)
        {
            Console.Error.WriteLine($"✘ {message}");
            if (!saidUnchanged) Console.Error.WriteLine($"  {Name(files[current])} was not changed.");
            if (current + 1 < files.Count)
                Console.Error.WriteLine($"  Not run: {string.Join(", ", files.Skip(current + 1).Select(Path.GetFileName))}.");
        }
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
