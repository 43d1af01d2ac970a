using Book.Engine.Notebooks;
using Book.Grading.Exercises;

namespace Book.Grading.Grading;

/// <summary>One cell to run: its code, its name in messages, and the check it is, if it is one.</summary>
public sealed record PlannedCell(string Name, string Code, FixedCell? Fixed);

/// <summary>
/// The cells of a submission as the grader runs them: the learner's code cells in their order, except that
/// every check and locked cell is the instructor's (hidden tests included) — whatever the learner did to it.
/// A fixed cell goes after the cell it followed in the assignment (by grade id); if the learner deleted
/// that one too, after the nearest earlier exercise cell still there. <see cref="Notes"/> says what was
/// restored, for the feedback.
/// </summary>
public sealed class GradingPlan
{
    GradingPlan(IReadOnlyList<PlannedCell> cells, IReadOnlyList<string> notes)
    {
        Cells = cells;
        Notes = notes;
    }

    /// <summary>The cells, in the order they run.</summary>
    public IReadOnlyList<PlannedCell> Cells { get; }

    /// <summary>What the grader changed in the submission, one sentence each.</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>Plans the run of <paramref name="submission"/> against <paramref name="assigned"/>.</summary>
    public static GradingPlan For(Notebook submission, AssignedNotebook assigned)
    {
        var fixedById = assigned.FixedCells.ToDictionary(c => c.GradeId);
        var notes = new List<string>();
        var found = new HashSet<string>();
        var learnerCells = new List<(string? GradeId, PlannedCell Cell)>();
        foreach (var cell in submission.CodeCells)
        {
            string? gradeId = GradeIdOf(cell);
            if (gradeId is not null && fixedById.TryGetValue(gradeId, out var original))
            {
                // The learner's copy of a fixed cell is never run; the first copy is compared with what was handed out.
                if (found.Add(gradeId) && ExerciseMetadata.Checksum(cell.Type, cell.Source) != original.StudentChecksum)
                    notes.Add($"Cell '{gradeId}' was changed; it was graded as handed out (your changes were not run).");
                continue;
            }
            learnerCells.Add((gradeId, new PlannedCell($"cell {cell.Number}", cell.Source, null)));
        }
        foreach (var missing in assigned.FixedCells.Where(c => !found.Contains(c.GradeId)))
            notes.Add($"Cell '{missing.GradeId}' was missing (deleted or its metadata removed); it was put back and graded.");

        var present = new HashSet<string>(learnerCells.Select(c => c.GradeId).OfType<string>().Concat(fixedById.Keys));
        var byAnchor = assigned.FixedCells.ToLookup(c => Anchor(c.After, assigned.GradeIds, present));
        var cells = new List<PlannedCell>();
        void Emit(string? anchor)
        {
            foreach (var next in byAnchor[anchor ?? ""])
            {
                cells.Add(new PlannedCell($"cell '{next.GradeId}'", next.Source, next));
                Emit(next.GradeId);
            }
        }
        Emit(null);
        var emitted = new HashSet<string>();
        foreach (var (gradeId, cell) in learnerCells)
        {
            cells.Add(cell);
            if (gradeId is not null && emitted.Add(gradeId)) Emit(gradeId);
        }
        return new GradingPlan(cells, notes);
    }

    /// <summary>The grade id a fixed cell goes after: its own anchor if present, otherwise the nearest earlier one that is ("" for the top).</summary>
    static string Anchor(string? after, IReadOnlyList<string> order, HashSet<string> present)
    {
        if (after is null) return "";
        for (int i = order.ToList().IndexOf(after); i >= 0; i--)
            if (present.Contains(order[i])) return order[i];
        return "";
    }

    /// <summary>The cell's grade id as the learner's file has it, if any (ill-formed metadata counts as none).</summary>
    static string? GradeIdOf(NotebookCell cell)
    {
        try { return ExerciseMetadata.Of(cell)?.GradeId; }
        catch (InvalidDataException) { return null; }
    }
}
