using System.Globalization;
using System.Text.RegularExpressions;

namespace Book.Bench;

/// <summary>
/// One chapter executed as a learner executes it, <c>book run</c> in its own process under
/// <c>/usr/bin/time -v</c>: wall time, CPU time (user + system) and peak resident memory. The chapter runs
/// from a copy (see <see cref="CopyChapters"/>), so the committed notebook is not rewritten.
/// </summary>
sealed partial record ChapterTimes(string Chapter, double WallSeconds, double CpuSeconds, double PeakMegabytes)
{
    /// <summary>
    /// Copies every chapter into <paramref name="folder"/>: a chapter that reads another (chapter 13 takes chapter 12's
    /// measurements from its notebook) finds it beside itself, as it does in the repository.
    /// </summary>
    public static IReadOnlyList<string> CopyChapters(IEnumerable<string> chapters, string folder) =>
        chapters.Select(chapter =>
        {
            string copy = Path.Combine(folder, Path.GetFileName(chapter));
            File.Copy(chapter, copy);
            return copy;
        }).ToList();

    /// <summary>Runs the chapter at <paramref name="copy"/>; <paramref name="datasets"/> is the repository's datasets folder.</summary>
    public static ChapterTimes Measure(string copy, string datasets)
    {
        var run = ChildProcess.Run("/usr/bin/time", ["-v", "dotnet", Path.Combine(AppContext.BaseDirectory, "book.dll"), "run", copy],
            TimeSpan.FromMinutes(30), new Dictionary<string, string> { ["BOOK_DATASETS"] = datasets })
            .Succeeded($"`book run {Path.GetFileName(copy)}` under /usr/bin/time -v (Debian package `time`)");
        double Field(Regex pattern) => double.Parse(pattern.Match(run.Error).Groups[1].Value, CultureInfo.InvariantCulture);
        var wall = WallPattern().Match(run.Error);
        double wallSeconds = (wall.Groups[1].Success ? double.Parse(wall.Groups[1].Value, CultureInfo.InvariantCulture) * 3600 : 0)
                             + double.Parse(wall.Groups[2].Value, CultureInfo.InvariantCulture) * 60
                             + double.Parse(wall.Groups[3].Value, CultureInfo.InvariantCulture);
        return new ChapterTimes(Path.GetFileNameWithoutExtension(copy), wallSeconds,
            Field(UserPattern()) + Field(SystemPattern()), Field(RssPattern()) / 1024);
    }

    [GeneratedRegex(@"User time \(seconds\): ([\d.]+)")]
    private static partial Regex UserPattern();

    [GeneratedRegex(@"System time \(seconds\): ([\d.]+)")]
    private static partial Regex SystemPattern();

    [GeneratedRegex(@"Maximum resident set size \(kbytes\): (\d+)")]
    private static partial Regex RssPattern();

    /// <summary>"Elapsed (wall clock) time (h:mm:ss or m:ss): 1:02.35".</summary>
    [GeneratedRegex(@"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)")]
    private static partial Regex WallPattern();
}
