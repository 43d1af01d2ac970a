using System.Text.Json.Nodes;
using Book.Grading.Exercises;

namespace Book.Grading.Grading;

/// <summary>
/// One learner's work: an id (the file name without .ipynb, or the folder name) and, for each notebook of
/// the assignment, the file that answers it — found by the notebook metadata <c>book.assignment</c> that
/// <c>book assign</c> writes, else by file name, else (a one-notebook assignment) the only notebook there.
/// </summary>
public sealed record Submission(string Id, IReadOnlyDictionary<string, string> Notebooks)
{
    /// <summary>The submission at <paramref name="path"/>: a notebook file, or a folder of them.</summary>
    /// <exception cref="FileNotFoundException">The path does not exist.</exception>
    public static Submission At(string path, AutograderBundle bundle)
    {
        string full = Path.GetFullPath(path);
        List<string> files;
        string id;
        if (File.Exists(full))
        {
            files = [full];
            id = Path.GetFileNameWithoutExtension(full);
        }
        else if (Directory.Exists(full))
        {
            files = Directory.GetFiles(full, "*.ipynb").Order(StringComparer.Ordinal).ToList();
            id = Path.GetFileName(full.TrimEnd(Path.DirectorySeparatorChar));
        }
        else throw new FileNotFoundException($"{path} does not exist: expected a submitted notebook or a folder of them");
        var matched = new Dictionary<string, string>();
        foreach (var file in files)
        {
            string? name = DeclaredName(file) is { } declared && bundle.Notebooks.Any(n => n.Name == declared) ? declared
                : bundle.Notebooks.FirstOrDefault(n => Path.GetFileNameWithoutExtension(file).Contains(n.Name, StringComparison.OrdinalIgnoreCase))?.Name
                ?? (bundle.Notebooks.Count == 1 && files.Count == 1 ? bundle.Notebooks[0].Name : null);
            if (name is not null) matched.TryAdd(name, file);
        }
        return new Submission(id, matched);
    }

    /// <summary>The assignment notebook the file says it answers; null when it cannot be read (grading reports that).</summary>
    static string? DeclaredName(string file)
    {
        try { return JsonNode.Parse(File.ReadAllText(file))?["metadata"]?["book"]?[StudentVersion.AssignmentKey]?.GetValue<string>(); }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException or FormatException) { return null; }
    }
}

/// <summary>The grade of one submission: each notebook of the assignment, in the bundle's order.</summary>
public sealed record SubmissionGrade(string Id, IReadOnlyList<NotebookGrade> Notebooks, TimeSpan Elapsed)
{
    /// <summary>Points earned.</summary>
    public double Points => Notebooks.Sum(n => n.Points);

    /// <summary>Points possible.</summary>
    public double MaxPoints => Notebooks.Sum(n => n.MaxPoints);

    /// <summary>Every check's result.</summary>
    public IEnumerable<ExerciseResult> Results => Notebooks.SelectMany(n => n.Results);
}
