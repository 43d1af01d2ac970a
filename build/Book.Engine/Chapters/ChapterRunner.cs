using System.Diagnostics;
using System.Text.Json.Nodes;
using Book.Display;
using Book.Engine.Execution;
using Book.Engine.Notebooks;
using Book.Engine.Polyglot;

namespace Book.Engine.Chapters;

/// <summary>
/// Executes a chapter notebook top to bottom in a fresh <see cref="Execution.Engine"/>, with the notebook's
/// folder as the working directory (as Jupyter does), and collects every code cell's outputs.
/// The notebook on disk changes only through <see cref="RunAndSaveAsync"/>, and only when every cell
/// succeeded: a failure leaves the file exactly as it was.
/// </summary>
public static class ChapterRunner
{
    /// <summary>Runs every code cell; throws <see cref="ChapterFailedException"/> at the first failing cell.</summary>
    /// <param name="progress">Receives (cell, seconds) after each code cell, for a progress line.</param>
    public static async Task<ChapterRun> RunAsync(string path, TimeSpan? cellTimeout = null,
        Action<NotebookCell, TimeSpan>? progress = null, CancellationToken cancellation = default)
    {
        var notebook = Notebook.Load(path);
        var engine = new Execution.Engine(cellTimeout);
        var clock = Stopwatch.StartNew();
        string previousDirectory = Environment.CurrentDirectory;
        Environment.CurrentDirectory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        BookFormatters.ResetToDefaults();
        int executionCount = 0, codeCellNumber = 0;
        var cellTimes = new List<TimeSpan>();
        try
        {
            foreach (var cell in notebook.CodeCells)
            {
                codeCellNumber++;
                var outputs = new NotebookOutputs();
                int count = ++executionCount;
                var result = await engine.ExecuteAsync(CellLanguage.CodeOf(cell), output => outputs.Add(output, count), $"cell {cell.Number}", cancellation);
                cellTimes.Add(result.Elapsed);
                if (!result.Succeeded)
                    throw new ChapterFailedException(path, cell.Number, codeCellNumber, result.Line, result.Error!);
                cell.SetOutputs(outputs.Outputs, count);
                progress?.Invoke(cell, result.Elapsed);
            }
        }
        finally
        {
            Environment.CurrentDirectory = previousDirectory;
        }
        notebook.EnsureStandardMetadata();
        return new ChapterRun(notebook, clock.Elapsed, cellTimes);
    }

    /// <summary>Runs the chapter and, when every cell succeeded, writes the outputs back atomically.</summary>
    public static async Task<ChapterRun> RunAndSaveAsync(string path, TimeSpan? cellTimeout = null,
        Action<NotebookCell, TimeSpan>? progress = null, CancellationToken cancellation = default)
    {
        var run = await RunAsync(path, cellTimeout, progress, cancellation);
        run.Notebook.Save();
        return run;
    }
}

/// <summary>A finished chapter: the notebook with fresh outputs (not yet saved), and timings.</summary>
public sealed record ChapterRun(Notebook Notebook, TimeSpan Elapsed, IReadOnlyList<TimeSpan> CellTimes)
{
    /// <summary>Wall time outside the cells themselves: engine start, compilation overheads not in cells, I/O.</summary>
    public TimeSpan Overhead => Elapsed - CellTimes.Aggregate(TimeSpan.Zero, (a, b) => a + b);
}

/// <summary>A chapter cell failed: names the notebook, the cell (as Jupyter numbers it), the line and the message.</summary>
public sealed class ChapterFailedException(string path, int cellNumber, int codeCellNumber, int? line, ErrorOutput error)
    : Exception($"{path}: cell {cellNumber} (code cell {codeCellNumber}){(line is null ? "" : $", line {line}")} failed — {error.Value}"
                + (error.Traceback.Count > 1 ? "\n  " + string.Join("\n  ", error.Traceback.Skip(1).Take(8)) : ""))
{
    /// <summary>The failing cell's 1-based number among all cells.</summary>
    public int CellNumber { get; } = cellNumber;

    /// <summary>The 1-based line in that cell, when known.</summary>
    public int? Line { get; } = line;

    /// <summary>The error as Jupyter would show it.</summary>
    public ErrorOutput Error { get; } = error;
}
