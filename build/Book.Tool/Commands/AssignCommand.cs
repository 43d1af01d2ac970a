using Book.Engine.Chapters;
using Book.Engine.Notebooks;
using Book.Grading.Exercises;

namespace Book.Tool.Commands;

/// <summary>
/// <c>book assign &lt;chapters…&gt; [--out DIR]</c>: writes the student versions of chapters to
/// <c>DIR/student/</c> (hand these out) and the autograder bundle to <c>DIR/autograder/</c> (keep it private;
/// <c>book grade</c> reads it). The chapters themselves are not changed.
/// </summary>
public static class AssignCommand
{
    /// <summary>Runs the command; returns the exit code.</summary>
    public static int Run(BookPaths paths, IReadOnlyList<string> args)
    {
        var (chapters, options) = CommandLine.Parse(args, ["--out"], "assign");
        if (chapters.Count == 0) throw new BookException("`book assign` needs the chapters to assign, e.g. `book assign 01 03 --out assignment`.");
        string output = Path.GetFullPath(options.GetValueOrDefault("--out") ?? "assignment");
        var notebooks = new List<AssignedNotebook>();
        var students = new List<(string Path, Notebook Notebook)>();
        foreach (var file in paths.ResolveChapters(chapters))
        {
            string name = Path.GetFileNameWithoutExtension(file);
            try
            {
                var notebook = Notebook.Load(file);
                notebooks.Add(StudentVersion.Make(notebook, name));
                students.Add((Path.Combine(output, "student", name + ".ipynb"), notebook));
            }
            catch (Exception e) when (e is InvalidDataException or NotebookFormatException)
            {
                throw new BookException(e.Message);
            }
        }
        // Everything was checked before anything is written.
        Directory.CreateDirectory(Path.Combine(output, "student"));
        Directory.CreateDirectory(Path.Combine(output, "autograder"));
        foreach (var (path, notebook) in students) notebook.Save(path);
        new AutograderBundle(AutograderBundle.CurrentFormat, notebooks).Save(Path.Combine(output, "autograder", AutograderBundle.FileName));
        foreach (var n in notebooks)
        {
            var checks = n.FixedCells.Where(c => c.Check).ToList();
            Console.Error.WriteLine($"✔ {n.Name}: {checks.Count} checks, {ExerciseMetadata.Format(n.MaxPoints)} points, {checks.Count(c => c.HiddenLines.Count > 0)} with hidden tests");
        }
        Console.Error.WriteLine($"Hand out {Path.Combine(output, "student")}/; keep {Path.Combine(output, "autograder")}/ private (it holds the hidden tests).");
        return 0;
    }
}
