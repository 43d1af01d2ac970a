using System.Text.Json;
using System.Text.Json.Serialization;
using Book.Runtime;

namespace Book.Grading.Exercises;

/// <summary>
/// What <c>book grade</c> needs and learners must never see, written by <c>book assign</c> to
/// <c>autograder/autograder.json</c>: for each notebook of the assignment, its check and locked cells as
/// the instructor wrote them (hidden tests included), the checksum of the version learners received, and
/// where each belongs (after the cell with grade id <see cref="FixedCell.After"/>).
/// </summary>
public sealed record AutograderBundle(int Format, IReadOnlyList<AssignedNotebook> Notebooks)
{
    /// <summary>The bundle format this version reads and writes.</summary>
    public const int CurrentFormat = 1;

    /// <summary>The bundle's file name inside <c>autograder/</c>.</summary>
    public const string FileName = "autograder.json";

    static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes the bundle atomically.</summary>
    public void Save(string path) => AtomicFile.WriteText(path, JsonSerializer.Serialize(this, Json) + "\n");

    /// <summary>Reads a bundle; errors name the file and what was wrong.</summary>
    public static AutograderBundle Load(string path)
    {
        if (!File.Exists(path)) throw new InvalidDataException($"{path} does not exist: expected the autograder bundle `book assign` writes");
        AutograderBundle? bundle;
        try { bundle = JsonSerializer.Deserialize<AutograderBundle>(File.ReadAllText(path), Json); }
        catch (JsonException e) { throw new InvalidDataException($"{path} is not an autograder bundle ({e.Message})"); }
        if (bundle is null || bundle.Format != CurrentFormat || bundle.Notebooks is null)
            throw new InvalidDataException($"{path}: expected an autograder bundle of format {CurrentFormat}, found {(bundle is null ? "nothing" : $"format {bundle.Format}")}");
        return bundle;
    }
}

/// <summary>
/// One notebook of an assignment: its name (the chapter's file name without .ipynb), its fixed cells in
/// order, and the grade ids of all its exercise cells in order (where a deleted cell's neighbours were).
/// </summary>
public sealed record AssignedNotebook(string Name, IReadOnlyList<FixedCell> FixedCells, IReadOnlyList<string> GradeIds)
{
    /// <summary>The points of all checks.</summary>
    public double MaxPoints => FixedCells.Sum(c => c.Points);
}

/// <summary>
/// A check or locked cell. <see cref="Source"/> is what the grader runs (hidden tests in, markers out);
/// <see cref="StudentChecksum"/> is <see cref="ExerciseMetadata.Checksum"/> of the text learners received;
/// <see cref="HiddenLines"/> are the 1-based lines of <see cref="Source"/> that learners did not see.
/// </summary>
public sealed record FixedCell(string GradeId, bool Check, double Points, string CellType, string Source,
    string StudentChecksum, string? After, IReadOnlyList<int> HiddenLines, string? Exercise);
