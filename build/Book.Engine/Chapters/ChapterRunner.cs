using System.Diagnostics;
using System.Text.Json.Nodes;
using Book.Display;
using Book.Engine.Execution;
using Book.Engine.Notebooks;
using Book.Engine.Outputs;
using Book.Engine.Polyglot;
using Book.Runtime;

namespace Book.Engine.Chapters;

/// <summary>
/// Executes a notebook top to bottom in a fresh <see cref="Execution.Engine"/>, with the notebook's folder
/// as the working directory (as Jupyter does), and collects every code cell's outputs as nbformat stores
/// them. <see cref="ExecuteAsync"/> reports each cell's outcome (for tools that grade or inspect);
/// <see cref="RunAsync"/> stops at the first failing cell; the notebook on disk changes only through
/// <see cref="RunAndSaveAsync"/>, and only when every cell succeeded and nobody changed the file meanwhile.
/// </summary>
public static class ChapterRunner
{
    /// <summary>Executes the code cells of <paramref name="notebook"/> (in memory; nothing is saved) and returns what each did.</summary>
    public static async Task<ChapterRun> ExecuteAsync(Notebook notebook, ChapterRunOptions? options = null, CancellationToken cancellation = default)
    {
        options ??= new ChapterRunOptions();
        var engine = new Execution.Engine(options.CellTimeout);
        var counter = new ExecutionCounter();
        var clock = Stopwatch.StartNew();
        string previousDirectory = Environment.CurrentDirectory;
        Environment.CurrentDirectory = Path.GetDirectoryName(Path.GetFullPath(notebook.Path))!;
        BookFormatters.ResetToDefaults();
        var cells = new List<CellRun>();
        try
        {
            foreach (var (cell, codeCellNumber) in notebook.CodeCells.Select((cell, i) => (cell, i + 1)))
            {
                var label = counter.Next(notebookPosition: cell.Number);
                var outputs = new CellOutputs(label.ExecutionCount, options.PrintedTextLimit);
                var result = await engine.ExecuteAsync(CellLanguage.CodeOf(cell), outputs.Add, label.Name, cancellation);
                var run = new CellRun(cell, codeCellNumber, label.ExecutionCount, outputs.ToJson(), result);
                cell.SetOutputs(run.Outputs.DeepClone().AsArray(), label.ExecutionCount);
                cells.Add(run);
                options.Progress?.Invoke(run);
                if (!result.Succeeded && (options.StopAtFirstError || !result.EngineUsable)) break;
            }
        }
        finally
        {
            Environment.CurrentDirectory = previousDirectory;
        }
        notebook.EnsureStandardMetadata();
        return new ChapterRun(notebook, cells, clock.Elapsed);
    }

    /// <summary>Runs every code cell of the notebook at <paramref name="path"/>; throws <see cref="ChapterFailedException"/> at the first failing cell.</summary>
    public static async Task<ChapterRun> RunAsync(string path, ChapterRunOptions? options = null, CancellationToken cancellation = default)
    {
        var run = await ExecuteAsync(Notebook.Load(path), (options ?? new ChapterRunOptions()) with { StopAtFirstError = true }, cancellation);
        return run.Failure is { } failure ? throw new ChapterFailedException(path, failure) : run;
    }

    /// <summary>
    /// Runs the chapter and, when every cell succeeded, writes the outputs back with <see cref="AtomicFile"/>.
    /// When the file changed on disk while the chapter ran, it is left as it is and the run's notebook is
    /// written to <paramref name="keepFolder"/> instead (<see cref="NotebookChangedException"/> says where).
    /// </summary>
    public static async Task<ChapterRun> RunAndSaveAsync(string path, string keepFolder, ChapterRunOptions? options = null,
        CancellationToken cancellation = default)
    {
        var run = await RunAsync(path, options, cancellation);
        try
        {
            run.Notebook.Save();
        }
        catch (FileChangedException)
        {
            string kept = Path.Combine(keepFolder, Path.GetFileName(path));
            run.Notebook.Save(kept);
            throw new NotebookChangedException(path, kept);
        }
        return run;
    }
}

/// <summary>How <see cref="ChapterRunner"/> runs a notebook.</summary>
public sealed record ChapterRunOptions
{
    /// <summary>How long one cell may run (default: the engine's 10 minutes).</summary>
    public TimeSpan? CellTimeout { get; init; }

    /// <summary>Stop at the first failing cell (default), or run the rest too, as a grader does.</summary>
    public bool StopAtFirstError { get; init; } = true;

    /// <summary>Told about each cell when it has run, for a progress line.</summary>
    public Action<CellRun>? Progress { get; init; }

    /// <summary>How much printed text a cell keeps (<see cref="Outputs.PrintedTextLimit"/>).</summary>
    public int PrintedTextLimit { get; init; } = Outputs.PrintedTextLimit.Default;
}

/// <summary>One code cell that ran: its position, execution count, stored outputs (errors included) and result.</summary>
/// <param name="Cell">The cell, whose outputs now hold <paramref name="Outputs"/>.</param>
/// <param name="CodeCellNumber">1-based position among the code cells.</param>
public sealed record CellRun(NotebookCell Cell, int CodeCellNumber, int ExecutionCount, JsonArray Outputs, CellResult Result);

/// <summary>A notebook that ran: every cell that ran, in order, the first failure if any, and the time taken.</summary>
public sealed record ChapterRun(Notebook Notebook, IReadOnlyList<CellRun> Cells, TimeSpan Elapsed)
{
    /// <summary>The first cell that failed, or null.</summary>
    public CellRun? Failure => Cells.FirstOrDefault(c => !c.Result.Succeeded);

    /// <summary>Code cells that never ran, because an earlier one failed.</summary>
    public IEnumerable<NotebookCell> NotRun => Notebook.CodeCells.Skip(Cells.Count);

    /// <summary>Each cell's wall time, in order.</summary>
    public IReadOnlyList<TimeSpan> CellTimes => Cells.Select(c => c.Result.Elapsed).ToList();

    /// <summary>Wall time outside the cells themselves: engine start, compilation overheads not in cells, I/O.</summary>
    public TimeSpan Overhead => Elapsed - CellTimes.Aggregate(TimeSpan.Zero, (a, b) => a + b);
}

/// <summary>A chapter cell failed: names the notebook, the cell (as Jupyter numbers it), the line and what went wrong.</summary>
public sealed class ChapterFailedException(string path, CellRun failure) : BookException($"{path}: {Describe(failure)}")
{
    /// <summary>The failing cell.</summary>
    public CellRun Failure { get; } = failure;

    /// <summary>Where and why, without the path: "cell 7 (code cell 4), line 2 failed — IndexOutOfRangeException: …".</summary>
    public string Problem => Describe(Failure);

    static string Describe(CellRun failure) =>
        $"cell {failure.Cell.Number} (code cell {failure.CodeCellNumber}){(failure.Result.Line is { } line ? $", line {line}" : "")} failed — {failure.Result.Reason}";

    /// <summary>The traceback of the cell's own frames, for <c>--verbose</c>.</summary>
    public IReadOnlyList<string> Traceback => Failure.Result.Error?.Traceback ?? [];
}

/// <summary>The notebook changed on disk while its chapter ran: it was left as it is, and the run's notebook was kept elsewhere.</summary>
public sealed class NotebookChangedException(string path, string keptAt)
    : BookException($"{path} changed on disk while it ran, so its outputs were not written over that change; the run's notebook is at {keptAt}")
{
    /// <summary>Where the run's notebook (the file as it was read, with the new outputs) was written.</summary>
    public string KeptAt { get; } = keptAt;
}
