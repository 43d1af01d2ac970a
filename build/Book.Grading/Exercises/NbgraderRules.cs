using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Book.Engine.Notebooks;

namespace Book.Grading.Exercises;

/// <summary>
/// The rules nbgrader's own validator applies to a notebook's cell metadata (schema version 3: its JSON schema
/// <c>nbgraderformat/v3.json</c> and the checks of <c>MetadataValidatorV3</c>), so that a chapter the book assigns
/// stays a notebook nbgrader's <c>generate_assignment</c> and <c>validate</c> accept:
/// <list type="bullet">
/// <item><c>schema_version</c> 3, and the booleans <c>grade</c>, <c>locked</c>, <c>solution</c>, present on every <c>nbgrader</c> object;</item>
/// <item>no key beyond <c>schema_version, grade, locked, solution, task, grade_id, points, checksum, cell_type</c>, each of its type;</item>
/// <item>a cell that is graded, a solution or locked has a non-empty <c>grade_id</c> of letters, digits, <c>_</c> and <c>-</c>, unique in the notebook;</item>
/// <item>a graded cell has <c>points</c> ≥ 0; a markdown cell is graded exactly when it is a solution; a task cell is markdown.</item>
/// </list>
/// nbgrader itself is a Python package that Debian does not ship, so the book checks these rules itself (chapters/README.md, "Exercises").
/// </summary>
public static partial class NbgraderRules
{
    static readonly string[] Required = ["schema_version", "grade", "locked", "solution"];
    static readonly string[] Booleans = ["grade", "locked", "solution", "task"];
    static readonly string[] Allowed = [.. Booleans, "schema_version", "grade_id", "points", "checksum", "cell_type"];

    /// <summary>Every way <paramref name="notebook"/>'s nbgrader metadata breaks the rules, as "cell 12: …"; empty when it keeps them.</summary>
    public static IReadOnlyList<string> Problems(Notebook notebook)
    {
        var problems = new List<string>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var cell in notebook.Cells)
        {
            if (cell.Metadata["nbgrader"] is not { } node) continue;
            if (node is not JsonObject meta)
            {
                problems.Add($"cell {cell.Number}: expected the nbgrader metadata to be an object, got {node.GetValueKind()}");
                continue;
            }
            var found = Problems(cell, meta).Select(p => $"cell {cell.Number}: {p}").ToList();
            problems.AddRange(found);
            if (found.Count == 0 && (Flag(meta, "grade") || Flag(meta, "solution") || Flag(meta, "locked"))
                && !ids.Add(meta["grade_id"]!.GetValue<string>()))
                problems.Add($"cell {cell.Number}: the grade_id '{(string?)meta["grade_id"]}' is used by an earlier cell; nbgrader expects each once");
        }
        return problems;
    }

    static IEnumerable<string> Problems(NotebookCell cell, JsonObject meta)
    {
        foreach (var key in Required.Where(k => !meta.ContainsKey(k)))
            yield return $"the nbgrader metadata lacks '{key}'";
        foreach (var key in meta.Select(p => p.Key).Where(k => !Allowed.Contains(k)))
            yield return $"the nbgrader metadata has the key '{key}', which nbgrader's schema does not allow";
        foreach (var key in Booleans.Where(k => meta.ContainsKey(k) && meta[k]?.GetValueKind() is not (System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False)))
            yield return $"expected '{key}' to be true or false, got {Describe(meta[key])}";
        if (meta.ContainsKey("schema_version") && !(meta["schema_version"] is JsonValue v && v.TryGetValue(out int version) && version == 3))
            yield return $"expected schema_version 3, got {Describe(meta["schema_version"])}";
        if (meta.ContainsKey("points") && !(meta["points"] is JsonValue p && p.TryGetValue(out double points) && points >= 0))
            yield return $"expected points to be a number ≥ 0, got {Describe(meta["points"])}";
        if (meta.ContainsKey("checksum") && !(meta["checksum"] is JsonValue c && c.TryGetValue(out string? sum) && sum.Length == 32))
            yield return $"expected checksum to be a string of 32 characters, got {Describe(meta["checksum"])}";
        if (meta.ContainsKey("cell_type") && !(meta["cell_type"] is JsonValue t && t.TryGetValue(out string? type) && type is "raw" or "code" or "markdown"))
            yield return $"expected cell_type raw, code or markdown, got {Describe(meta["cell_type"])}";

        bool grade = Flag(meta, "grade"), solution = Flag(meta, "solution"), locked = Flag(meta, "locked"), task = Flag(meta, "task");
        if (meta["grade_id"] is { } id && !(id is JsonValue g && g.TryGetValue(out string? text) && GradeIdPattern().IsMatch(text)))
            yield return $"expected a grade_id of letters, digits, '_' and '-', got {Describe(id)}";
        else if ((grade || solution || locked) && string.IsNullOrEmpty((string?)meta["grade_id"]))
            yield return "a graded, solution or locked cell needs a non-empty grade_id";
        if (grade && !meta.ContainsKey("points"))
            yield return "a graded cell needs points";
        if (task && cell.Type != "markdown")
            yield return $"a task cell must be markdown, this one is {cell.Type}";
        if (!task && cell.Type == "markdown" && grade != solution)
            yield return "a markdown cell must be both graded and a solution, or neither";
    }

    static bool Flag(JsonObject meta, string key) => meta[key] is JsonValue v && v.TryGetValue(out bool b) && b;

    static string Describe(JsonNode? node) => node?.ToJsonString() ?? "null";

    [GeneratedRegex("^[a-zA-Z0-9_\\-]*$")]
    private static partial Regex GradeIdPattern();
}
