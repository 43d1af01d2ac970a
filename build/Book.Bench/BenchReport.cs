using System.Globalization;
using System.Text;
using Book.Engine.Chapters;
using Book.Runtime;

namespace Book.Bench;

/// <summary>One line of the table: what was measured, the figure, and the target it is held to.</summary>
/// <param name="Target">The target, e.g. "≤ 1.05×", or "" when the figure is informative only.</param>
/// <param name="Met">Whether the target was reached; null when there is no target.</param>
sealed record Figure(string What, string Measured, string Target = "", bool? Met = null);

/// <summary>
/// The results of one <c>book bench</c> run: the machine and versions it ran on, then the figures by
/// section, written as the Markdown the Performance appendix includes between its markers.
/// </summary>
sealed class BenchReport(MachineInfo machine, int runs, bool quick)
{
    /// <summary>The line before the table in the appendix page.</summary>
    public const string BeginMarker = "<!-- book bench: begin -->";

    /// <summary>The line after it.</summary>
    public const string EndMarker = "<!-- book bench: end -->";

    readonly List<(string Section, List<Figure> Figures)> sections = new();

    /// <summary>Extra facts for the header, e.g. the PyTorch version and BLAS once they are known.</summary>
    public List<string> Notes { get; } = new();

    /// <summary>Adds <paramref name="figure"/> under <paramref name="section"/> (sections keep their first-seen order).</summary>
    public void Add(string section, Figure figure)
    {
        var existing = sections.FirstOrDefault(s => s.Section == section);
        if (existing.Figures is null) sections.Add((section, [figure]));
        else existing.Figures.Add(figure);
    }

    /// <summary>The header lines and one table per section.</summary>
    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.AppendLine($"Measured by `book bench{(quick ? " --quick" : "")}` on {machine.Date:yyyy-MM-dd HH:mm} UTC; "
                        + $"figures are medians of {runs} run{(runs == 1 ? "" : "s")}, comparisons medians of per-run ratios; "
                        + "computation is timed in CPU time (user + system), latencies in wall-clock time.")
            .AppendLine()
            .AppendLine($"- Machine: {machine.CpuModel}, {machine.Cores} cores, load average {Format(machine.LoadAverage, 1)} when the run began")
            .AppendLine($"- libtorch CPU capability: {machine.CpuCapability}; TorchSharp threads: 1")
            .AppendLine($"- .NET {machine.DotNet}, TorchSharp {machine.TorchSharp}")
            .AppendLine($"- GPU: {machine.Gpu}");
        foreach (var note in Notes) text.AppendLine($"- {note}");
        foreach (var (section, figures) in sections)
        {
            text.AppendLine().AppendLine($"**{section}**").AppendLine()
                .AppendLine("| Measured | Figure | Target |").AppendLine("| --- | --- | --- |");
            foreach (var f in figures)
                text.AppendLine($"| {f.What} | {f.Measured} | {f.Target}{f.Met switch { true => " ✓", false => " ✗", null => "" }} |");
        }
        return text.ToString();
    }

    /// <summary>
    /// Writes the table: into <paramref name="page"/> between <see cref="BeginMarker"/> and <see cref="EndMarker"/>
    /// (the rest of the page is kept), or as the whole file when there is none yet.
    /// </summary>
    public void WriteInto(string page)
    {
        CheckTarget(page);
        string table = ToMarkdown();
        if (!File.Exists(page))
        {
            AtomicFile.WriteText(page, table);
            return;
        }
        string old = File.ReadAllText(page);
        int begin = old.IndexOf(BeginMarker, StringComparison.Ordinal) + BeginMarker.Length;
        AtomicFile.WriteText(page, old[..begin] + "\n" + table + old[old.IndexOf(EndMarker, StringComparison.Ordinal)..]);
    }

    /// <summary>Fails, before anything is measured, when <paramref name="page"/> exists without the two marker lines.</summary>
    public static void CheckTarget(string page)
    {
        if (!File.Exists(page)) return;
        string text = File.ReadAllText(page);
        int begin = text.IndexOf(BeginMarker, StringComparison.Ordinal);
        if (begin < 0 || text.IndexOf(EndMarker, StringComparison.Ordinal) < begin)
            throw new BookException($"{page} exists but has no '{BeginMarker}' and '{EndMarker}' lines to put the table between; "
                                    + "add them, or write elsewhere with --out. Nothing was measured or changed.");
    }

    /// <summary>A number with <paramref name="decimals"/> decimals in the invariant culture.</summary>
    public static string Format(double value, int decimals) => value.ToString("F" + decimals, CultureInfo.InvariantCulture);

    /// <summary>"1.03×".</summary>
    public static string Times(double ratio) => Format(ratio, 2) + "×";

    /// <summary>Milliseconds or seconds, whichever reads better: "12.3 ms", "4.56 s".</summary>
    public static string Duration(double seconds) =>
        seconds < 1 ? Format(seconds * 1000, seconds < 0.01 ? 2 : 1) + " ms" : Format(seconds, 2) + " s";
}
