using System.Globalization;
using Book.Engine.Chapters;
using Book.Grading.Exercises;
using Book.Grading.Grading;
using Book.Grading.Results;
using Book.Grading.Sandboxing;

namespace Book.Tool.Commands;

/// <summary>
/// <c>book grade ASSIGNMENT SUBMISSION… [--out DIR] [--jobs N] [--cell-timeout S] [--timeout S] [--memory GB] [--no-sandbox]</c>:
/// grades submissions (notebooks, or folders of them) against the bundle <c>book assign</c> wrote, each in
/// its own sandbox, several at a time; writes grades.csv and, per submission, results.json (Gradescope) and
/// feedback.md. Exits 0 when grading ran, whatever the submissions did; 1 for its own errors.
/// </summary>
public static class GradeCommand
{
    /// <summary>Runs the command; returns the exit code.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var (positional, options) = CommandLine.Parse(args, ["--out", "--jobs", "--cell-timeout", "--timeout", "--memory"], "grade", ["--no-sandbox"]);
        if (positional.Count < 2) throw new BookException("`book grade` needs an assignment folder (from `book assign`) and at least one submission.");
        string assignment = Path.GetFullPath(positional[0]);
        AutograderBundle bundle;
        try { bundle = AutograderBundle.Load(Path.Combine(assignment, "autograder", AutograderBundle.FileName)); }
        catch (InvalidDataException e) { throw new BookException(e.Message); }
        var submissions = new List<Submission>();
        foreach (var path in positional.Skip(1))
        {
            try { submissions.Add(Submission.At(path, bundle)); }
            catch (FileNotFoundException e) { throw new BookException(e.Message); }
        }
        if (submissions.Select(s => s.Id).Distinct().Count() != submissions.Count)
            throw new BookException("Two submissions have the same name: " + string.Join(", ", submissions.GroupBy(s => s.Id).Where(g => g.Count() > 1).Select(g => g.Key)));
        var limits = new SandboxLimits(
            TimeSpan.FromSeconds(CommandLine.Positive(options, "--cell-timeout", SandboxLimits.Default.Cell.TotalSeconds)),
            TimeSpan.FromSeconds(CommandLine.Positive(options, "--timeout", SandboxLimits.Default.Submission.TotalSeconds)),
            (long)(CommandLine.Positive(options, "--memory", SandboxLimits.Default.MemoryBytes / (double)(1L << 30)) * (1L << 30)),
            SandboxLimits.Default.Processes);
        bool isolated = !options.ContainsKey("--no-sandbox");
        if (isolated && Sandbox.MissingTools() is { } missing) throw new BookException(missing + ".");
        if (!isolated) Console.Error.WriteLine("⚠ --no-sandbox: submissions run as you, with your files and network. Grade only notebooks you trust this way.");
        int jobs = (int)CommandLine.Positive(options, "--jobs", Environment.ProcessorCount);
        string datasets = Path.Combine(BookPaths.Find(AppContext.BaseDirectory).Root, "datasets");
        var sandbox = new Sandbox(AppContext.BaseDirectory.TrimEnd('/'), Directory.Exists(datasets) ? datasets : null, limits, isolated);
        string output = Path.GetFullPath(options.GetValueOrDefault("--out") ?? Path.Combine(assignment, "graded"));
        Console.Error.WriteLine($"Grading {submissions.Count} submission(s), {jobs} at a time ({limits}{(isolated ? ", sandboxed" : "")}).");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var grades = await Grader.GradeAsync(bundle, submissions, sandbox, jobs, grade =>
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {grade.Id}: {ExerciseMetadata.Format(grade.Points)} / {ExerciseMetadata.Format(grade.MaxPoints)} ({grade.Elapsed.TotalSeconds:0.0} s)")));
        GradeFiles.Write(output, grades);
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"✔ {grades.Count} graded in {clock.Elapsed.TotalSeconds:0.0} s ({grades.Count / clock.Elapsed.TotalMinutes:0.0} a minute); results in {output}/ (grades.csv, ID/results.json, ID/feedback.md)."));
        return 0;
    }
}
