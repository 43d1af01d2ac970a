using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Book.Engine.Packages;

namespace Book.Kernel.History;

/// <summary>One executed input: the kernel session it ran in, its execution count, the code and its result as plain text.</summary>
public sealed record HistoryEntry(int Session, int Line, string Input, string? Output);

/// <summary>
/// The inputs the kernel ran, across kernel sessions, as IPython keeps them: what a console front end's history
/// (the up arrow in <c>jupyter console</c>) and <c>history_request</c> read. Each kernel process is a new
/// session numbered after the last one; entries are appended to <c>kernel-history.jsonl</c> in the book's
/// cache (<see cref="BookCache"/>), and the newest <see cref="Kept"/> are read back.
/// </summary>
public sealed class KernelHistory
{
    /// <summary>Entries read back from earlier sessions.</summary>
    public const int Kept = 10_000;

    readonly object gate = new();
    readonly string file;
    readonly List<HistoryEntry> entries;

    /// <param name="file">The history file (default: kernel-history.jsonl in the book's cache).</param>
    public KernelHistory(string? file = null)
    {
        this.file = file ?? Path.Combine(BookCache.Folder, "kernel-history.jsonl");
        entries = ReadEarlier(this.file);
        Session = entries.Count == 0 ? 1 : entries.Max(e => e.Session) + 1;
    }

    /// <summary>This kernel's session number.</summary>
    public int Session { get; }

    /// <summary>Records the input of execution <paramref name="line"/> and its result's plain text (null for none).</summary>
    public void Add(int line, string input, string? output)
    {
        var entry = new HistoryEntry(Session, line, input, output);
        lock (gate)
        {
            entries.Add(entry);
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                File.AppendAllText(file, JsonSerializer.Serialize(entry) + "\n");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { } // history is a convenience: running cells comes first
        }
    }

    /// <summary>The last <paramref name="count"/> entries, oldest first.</summary>
    public IReadOnlyList<HistoryEntry> Tail(int count)
    {
        lock (gate) return entries.TakeLast(Math.Max(0, count)).ToList();
    }

    /// <summary>
    /// Lines <paramref name="start"/> to <paramref name="stop"/> (exclusive; 0 for the end) of a session:
    /// positive numbers name a session, 0 is this one and negative ones count back from it.
    /// </summary>
    public IReadOnlyList<HistoryEntry> Range(int session, int start, int stop)
    {
        int wanted = session > 0 ? session : Session + session;
        lock (gate) return entries.Where(e => e.Session == wanted && e.Line >= start && (stop <= 0 || e.Line < stop)).ToList();
    }

    /// <summary>
    /// Entries whose input matches the glob <paramref name="pattern"/> (<c>*</c>, <c>?</c>), the last
    /// <paramref name="count"/> (all when 0 or less); with <paramref name="unique"/>, each input once (its latest).
    /// </summary>
    public IReadOnlyList<HistoryEntry> Search(string pattern, int count, bool unique)
    {
        var glob = new Regex("^" + Regex.Escape(pattern).Replace(@"\*", ".*").Replace(@"\?", ".") + "$", RegexOptions.Singleline);
        List<HistoryEntry> found;
        lock (gate) found = entries.Where(e => glob.IsMatch(e.Input)).ToList();
        if (unique) found = found.Where((e, i) => found.FindLastIndex(other => other.Input == e.Input) == i).ToList();
        return count > 0 ? found.TakeLast(count).ToList() : found;
    }

    static List<HistoryEntry> ReadEarlier(string file)
    {
        if (!File.Exists(file)) return [];
        try
        {
            return File.ReadLines(file).TakeLast(Kept).Select(Parse).OfType<HistoryEntry>().ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    static HistoryEntry? Parse(string line)
    {
        try { return JsonSerializer.Deserialize<HistoryEntry>(line); }
        catch (JsonException) { return null; } // a line cut short by a crash: skipped
    }
}
