using System.Text.Json.Nodes;

namespace Book.Site.Rendering;

/// <summary>
/// What a code cell is in an exercise, read from nbgrader's cell metadata
/// (<c>{"nbgrader": {"solution": true | "grade": true, "points": n, ...}}</c>).
/// </summary>
public sealed record ExerciseRole(bool IsSolution, bool IsCheck, double Points)
{
    /// <summary>An ordinary cell.</summary>
    public static readonly ExerciseRole None = new(false, false, 0);

    /// <summary>The role of a cell with <paramref name="metadata"/>.</summary>
    public static ExerciseRole Of(JsonObject metadata)
    {
        if (metadata["nbgrader"] is not JsonObject nbgrader) return None;
        bool solution = Flag(nbgrader, "solution");
        bool grade = Flag(nbgrader, "grade");
        double points = nbgrader["points"] is JsonValue value && value.TryGetValue(out double p) ? p : 0;
        return new ExerciseRole(solution, grade && !solution, points);
    }

    static bool Flag(JsonObject nbgrader, string key) =>
        nbgrader[key] is JsonValue value && value.TryGetValue(out bool flag) && flag;
}
