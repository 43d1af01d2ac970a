using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Book.Engine.Polyglot;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Scripting;

namespace Book.Engine.Execution;

/// <summary>
/// Why a cell failed, described once for every front end: the error's name (the exception type,
/// <c>CompilationError</c>, <c>TimeoutError</c> or <c>KeyboardInterrupt</c>), its message, the line in
/// the cell, and a traceback of the cell's own frames. Compiler positions are the learner's own
/// (<see cref="InstrumentedCell"/>); runtime lines come from the cell's frames in the stack trace.
/// </summary>
sealed partial record CellFailure(string Name, string Message, int? Line, IReadOnlyList<string> Traceback, Exception? Exception = null)
{
    /// <summary>The error output Jupyter shows: its value says where ("cell 3, line 2: …").</summary>
    public ErrorOutput Describe(string cellName) =>
        new(Name, $"{cellName}{(Line is null ? "" : $", line {Line}")}: {Message}", Traceback.Count > 0 ? Traceback : [$"{Name}: {Message}"]);

    /// <summary>What went wrong without where, e.g. "IndexOutOfRangeException: Index was outside the bounds of the array."</summary>
    public string Reason => $"{Name}: {Message}";

    /// <summary>Compiler errors, at their positions in the learner's code.</summary>
    public static CellFailure AtCompilation(CompilationErrorException failure, InstrumentedCell cell)
    {
        var messages = failure.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d =>
        {
            var position = d.Location.IsInSource ? cell.OriginalLinePosition(d.Location.SourceSpan.Start) : default;
            return (Line: position.Line + 1, Text: $"({position.Line + 1},{position.Character + 1}): error {d.Id}: {d.GetMessage(CultureInfo.InvariantCulture)}");
        }).ToList();
        return new CellFailure("CompilationError", messages.FirstOrDefault().Text ?? failure.Message,
            messages.Count > 0 ? messages[0].Line : null, messages.Select(m => m.Text).ToList(), failure);
    }

    /// <summary>A Polyglot directive or magic command of the cell that could not be carried out, at its line.</summary>
    public static CellFailure FromDirective(CellDirectiveException failure) =>
        new(failure.Kind, failure.Message, failure.Line, failure.Message.Split('\n'), failure);

    /// <summary>An exception thrown while the cell ran: its type, message and the line of the cell it came from.</summary>
    public static CellFailure AtRuntime(Exception failure, string cellName)
    {
        var root = failure;
        while (root is TargetInvocationException or TypeInitializationException && root.InnerException is { } inner) root = inner;
        var traceback = new List<string> { $"{root.GetType().FullName}: {root.Message}" };
        traceback.AddRange((root.StackTrace ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .TakeWhile(frame => !frame.StartsWith("at Submission#", StringComparison.Ordinal) || frame.Contains(cellName))
            .Where(frame => !frame.Contains("System.Runtime.CompilerServices", StringComparison.Ordinal)));
        return new CellFailure(root.GetType().Name, root.Message, LineOf(root, cellName), traceback, root);
    }

    /// <summary>The line of the innermost frame of the cell's own code, searching inner exceptions too.</summary>
    static int? LineOf(Exception failure, string cellName)
    {
        for (var current = failure; current is not null; current = current.InnerException)
        {
            var line = FrameLine().Matches(current.StackTrace ?? "").FirstOrDefault(m => m.Groups["file"].Value == cellName);
            if (line is not null) return int.Parse(line.Groups["line"].Value, CultureInfo.InvariantCulture);
        }
        return null;
    }

    // "at Submission#1.<<Initialize>>d__0.MoveNext() in cell 3:line 2"
    [GeneratedRegex(@" in (?<file>[^\n]+):line (?<line>\d+)")]
    private static partial Regex FrameLine();
}
