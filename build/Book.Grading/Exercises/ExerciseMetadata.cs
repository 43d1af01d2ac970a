using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Book.Engine.Notebooks;

namespace Book.Grading.Exercises;

/// <summary>
/// nbgrader's view of a cell (metadata <c>nbgrader</c>, schema version 3): a solution cell the learner
/// writes in, a check ("autograder tests") cell worth points, or a locked cell nobody may change.
/// chapters/README.md, "Exercises", describes the shape the book's chapters follow.
/// </summary>
public sealed record ExerciseMetadata(string GradeId, bool Solution, bool Grade, bool Locked, double Points)
{
    /// <summary>The cell's nbgrader metadata, or null for an ordinary cell.</summary>
    /// <exception cref="InvalidDataException">The metadata is there but incomplete (no grade_id, points on a check missing).</exception>
    public static ExerciseMetadata? Of(NotebookCell cell)
    {
        if (cell.Metadata["nbgrader"] is not JsonObject nbgrader) return null;
        bool Flag(string name) => nbgrader[name] is JsonValue v && v.TryGetValue(out bool b) && b;
        if (!Flag("solution") && !Flag("grade") && !Flag("locked")) return null;
        string gradeId = nbgrader["grade_id"] is JsonValue id && id.TryGetValue(out string? text) && !string.IsNullOrWhiteSpace(text)
            ? text : throw new InvalidDataException($"cell {cell.Number} has nbgrader metadata without a grade_id");
        double points = 0;
        if (Flag("grade") && !(nbgrader["points"] is JsonValue p && p.TryGetValue(out points) && points >= 0))
            throw new InvalidDataException($"cell {cell.Number} ('{gradeId}') is a graded cell without a non-negative 'points'");
        return new ExerciseMetadata(gradeId, Flag("solution"), Flag("grade"), Flag("locked"), points);
    }

    /// <summary>A cell whose text the grader puts back as the instructor wrote it: a check or a locked cell.</summary>
    public bool IsFixed => !Solution && (Grade || Locked);

    /// <summary>A check cell: graded, not written by the learner.</summary>
    public bool IsCheck => Grade && !Solution;

    /// <summary>SHA-256 (hex) of a cell's type and source: what <c>book grade</c> compares to see whether a learner changed a fixed cell.</summary>
    public static string Checksum(string cellType, string source) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(cellType + "\n" + source.Replace("\r\n", "\n"))));

    /// <summary>Points as a person writes them: 1, 0.5.</summary>
    public static string Format(double points) => points.ToString("0.##", CultureInfo.InvariantCulture);
}
