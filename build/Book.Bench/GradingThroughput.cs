using System.Globalization;
using Book.Engine.Chapters;

namespace Book.Bench;

/// <summary>
/// <c>book grade</c> as an instructor runs it, on the grading tests' fixture assignment (three exercises, one with
/// hidden checks) and copies of its fully answered version: submissions graded per minute, two at a time, and
/// what the sandbox (bubblewrap, prlimit) costs a submission — one submission graded sandboxed and with
/// <c>--no-sandbox</c>, alternately.
/// </summary>
/// <param name="Submissions">How many submissions the batch graded.</param>
/// <param name="BatchSeconds">Wall time of the whole batch.</param>
/// <param name="Sandbox">Seconds of one submission without the sandbox (A) and with it (B), run by run.</param>
sealed record GradingThroughput(int Submissions, double BatchSeconds, Comparison Sandbox)
{
    /// <summary>The parallel slots of the batch: the cores of the 2-core machine the targets are set for.</summary>
    public const int Jobs = 2;

    /// <summary>Submissions graded per minute.</summary>
    public double PerMinute => Submissions / BatchSeconds * 60;

    /// <summary>Grades <paramref name="submissions"/> copies, then <paramref name="runs"/> alternating single submissions.</summary>
    public static GradingThroughput Measure(BookPaths paths, int submissions, int runs)
    {
        var folder = Directory.CreateTempSubdirectory("book-bench-grade-");
        try
        {
            string fixture = Path.Combine(paths.Root, "tests", "Grading.Tests", "Fixtures", "99-exercises.ipynb");
            string assignment = Path.Combine(folder.FullName, "assignment");
            Book(["assign", fixture, "--out", assignment], "`book assign` of the grading fixture");
            var copies = Enumerable.Range(1, submissions).Select(i =>
            {
                string copy = Path.Combine(folder.FullName, "submissions", $"learner-{i}.ipynb");
                Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
                File.Copy(fixture, copy);
                return copy;
            }).ToList();
            string jobs = Jobs.ToString(CultureInfo.InvariantCulture);
            double batch = Timing.Seconds(() => Book(["grade", assignment, .. copies, "--jobs", jobs], "`book grade` of the batch"));
            var sandbox = Timing.Alternate(
                () => Timing.Seconds(() => Book(["grade", assignment, copies[0], "--no-sandbox"], "`book grade --no-sandbox`")),
                () => Timing.Seconds(() => Book(["grade", assignment, copies[0]], "`book grade` of one submission")), runs);
            return new GradingThroughput(submissions, batch, sandbox);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    static void Book(IEnumerable<string> arguments, string what) =>
        ChildProcess.Run("dotnet", [Path.Combine(AppContext.BaseDirectory, "book.dll"), .. arguments], TimeSpan.FromMinutes(20)).Succeeded(what);
}
