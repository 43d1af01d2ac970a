using System.Text.Json.Nodes;
using Book.Engine.Notebooks;

namespace Book.Grading.Exercises;

/// <summary>
/// Turns an instructor's chapter into what learners receive and what the grader keeps. In the student
/// version every solution region becomes a stub that throws <see cref="NotImplementedException"/> with a
/// message, every hidden-tests region becomes a visible note that hidden checks run when graded, and all
/// outputs are cleared (they show answers); metadata is kept. The grader's part is an <see cref="AssignedNotebook"/>.
/// </summary>
public static class StudentVersion
{
    /// <summary>Notebook metadata naming the assignment notebook a submission answers.</summary>
    public const string AssignmentKey = "assignment";

    /// <summary>Rewrites <paramref name="notebook"/> in place into the student version and returns the grader's record of it.</summary>
    /// <exception cref="InvalidDataException">Bad exercise markup; the message names the notebook, cell and line.</exception>
    public static AssignedNotebook Make(Notebook notebook, string name)
    {
        var problems = NbgraderRules.Problems(notebook);
        if (problems.Count > 0)
            throw new InvalidDataException($"{notebook.Path}: expected exercise metadata that nbgrader's validator accepts, got:\n  {string.Join("\n  ", problems)}");
        var fixedCells = new List<FixedCell>();
        var seen = new List<string>();
        string? previousGradeId = null, exercise = null;
        foreach (var cell in notebook.Cells)
        {
            ExerciseMetadata? meta;
            try
            {
                meta = ExerciseMetadata.Of(cell);
                if (cell.IsCode) cell.SetOutputs([], null);
                if (meta is null)
                {
                    Reject(cell, MarkedRegions.Kind.Solution, "a cell without nbgrader metadata \"solution\": true");
                    Reject(cell, MarkedRegions.Kind.HiddenTests, "a cell that is not a check (\"grade\": true)");
                    continue;
                }
                if (meta.Solution)
                {
                    Reject(cell, MarkedRegions.Kind.HiddenTests, "a solution cell");
                    cell.Source = Stubbed(cell.Source, meta.GradeId);
                    exercise = meta.GradeId;
                }
                else
                {
                    Reject(cell, MarkedRegions.Kind.Solution, "a check or locked cell");

                    string studentSource = meta.IsCheck ? WithHiddenNote(cell.Source) : cell.Source;
                    fixedCells.Add(new FixedCell(meta.GradeId, meta.IsCheck, meta.IsCheck ? meta.Points : 0, cell.Type,
                        MarkedRegions.RevealHiddenTests(cell.Source), ExerciseMetadata.Checksum(cell.Type, studentSource),
                        previousGradeId, HiddenLines(cell.Source), meta.IsCheck ? exercise : null));
                    cell.Source = studentSource;
                }
            }
            catch (InvalidDataException e)
            {
                throw new InvalidDataException($"{notebook.Path}, cell {cell.Number}: {e.Message}", e);
            }
            seen.Add(meta.GradeId);
            previousGradeId = meta.GradeId;
        }
        if (!fixedCells.Any(c => c.Check)) throw new InvalidDataException($"{notebook.Path} has no check cells (nbgrader \"grade\": true): nothing to assign");
        notebook.Metadata["book"] = new JsonObject { [AssignmentKey] = name };
        return new AssignedNotebook(name, fixedCells, seen);
    }

    /// <summary>
    /// The stub for a solution region: a statement that throws, or — where the answer is the right-hand side
    /// of an assignment, an argument or a return value — <c>Book.Checks.Exercise.Todo(...)</c>, an expression that throws.
    /// </summary>
    public static string Stubbed(string source, string gradeId) =>
        MarkedRegions.Replace(source, MarkedRegions.Kind.Solution, (region, lines) =>
        {
            string before = lines.Take(region.Begin).LastOrDefault(l => l.Trim().Length > 0 && !l.TrimStart().StartsWith("//", StringComparison.Ordinal))?.TrimEnd() ?? "";
            bool expression = before.EndsWith('=') || before.EndsWith('(') || before.EndsWith(',') || before.EndsWith("return", StringComparison.Ordinal)
                || before.EndsWith('?') || before.EndsWith(':');
            string message = $"Exercise {gradeId}: replace this line with your answer, then run the check cell below it.";
            bool semicolon = lines.Skip(region.Begin + 1).Take(region.End - region.Begin - 1).LastOrDefault(l => l.Trim().Length > 0)?.TrimEnd().EndsWith(';') == true;
            return [expression
                ? $"{region.Indent}global::Book.Checks.Exercise.Todo(\"{message}\"){(semicolon ? ";" : "")}"
                : $"{region.Indent}throw new NotImplementedException(\"{message}\");"];
        });

    /// <summary>The check cell learners receive: each hidden-tests region replaced by a note that is also printed when the checks above it passed.</summary>
    public static string WithHiddenNote(string source) =>
        MarkedRegions.Replace(source, MarkedRegions.Kind.HiddenTests, (region, lines) =>
        [
            $"{region.Indent}// Hidden checks were removed here; they run when the exercise is graded.",
            $"{region.Indent}Console.WriteLine(\"{HiddenNote}\");",
        ]);

    /// <summary>What a learner's check cell prints where hidden checks were removed: never "all passed".</summary>
    public const string HiddenNote = "ⓘ This exercise also has hidden checks; they run only when it is graded. The ✓ lines are the public checks.";

    /// <summary>The 1-based lines the hidden tests occupy once their markers are dropped (as the grader runs the cell).</summary>
    static List<int> HiddenLines(string source)
    {
        var hidden = new List<int>();
        int removed = 0;
        foreach (var region in MarkedRegions.Find(MarkedRegions.Lines(source)).Where(r => r.Kind == MarkedRegions.Kind.HiddenTests))
        {
            // Lines Begin+1 .. End-1 move up by the markers removed before them (one for this BEGIN).
            for (int line = region.Begin + 1; line < region.End; line++) hidden.Add(line - removed);
            removed += 2;
        }
        return hidden;
    }

    static void Reject(NotebookCell cell, MarkedRegions.Kind kind, string where)
    {
        if (MarkedRegions.Has(cell.Source, kind))
            throw new InvalidDataException($"{(kind == MarkedRegions.Kind.Solution ? "BEGIN SOLUTION" : "BEGIN HIDDEN TESTS")} in {where}");
    }
}
