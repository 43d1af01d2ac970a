using Book.Kernel.History;

namespace Book.Tests;

/// <summary>The kernel's history across sessions: what history_request answers.</summary>
public sealed class KernelHistoryTests : IDisposable
{
    readonly string file = Path.Combine(Directory.CreateTempSubdirectory("book-history-").FullName, "kernel-history.jsonl");

    public void Dispose() => Directory.Delete(Path.GetDirectoryName(file)!, recursive: true);

    [Fact]
    public void Each_kernel_is_a_new_session_and_reads_the_earlier_ones_back()
    {
        var first = new KernelHistory(file);
        first.Add(1, "var a = 1;", null);
        first.Add(2, "a + 1", "2");
        var second = new KernelHistory(file);
        second.Add(1, "a * 10", "10");

        Assert.Equal(1, first.Session);
        Assert.Equal(2, second.Session);
        Assert.Equal([new HistoryEntry(1, 2, "a + 1", "2"), new HistoryEntry(2, 1, "a * 10", "10")], second.Tail(2));
        Assert.Equal([new HistoryEntry(1, 1, "var a = 1;", null)], second.Range(session: -1, start: 1, stop: 2));
        Assert.Equal([new HistoryEntry(2, 1, "a * 10", "10")], second.Range(session: 0, start: 0, stop: 0));
    }

    [Fact]
    public void Search_matches_a_glob_keeps_the_last_n_and_each_input_once_when_unique()
    {
        var history = new KernelHistory(file);
        foreach (var (line, input) in new[] { (1, "6 * 7"), (2, "Math.Sqrt(2)"), (3, "6 * 7"), (4, "6 * 8") }) history.Add(line, input, null);

        Assert.Equal([3, 4], history.Search("6*", count: 2, unique: false).Select(e => e.Line));
        Assert.Equal([3, 4], history.Search("6 ?*", count: 0, unique: true).Select(e => e.Line));
        Assert.Empty(history.Search("x*", count: 0, unique: false));
    }

    [Fact]
    public void A_line_cut_short_by_a_crash_is_skipped()
    {
        new KernelHistory(file).Add(1, "fine", null);
        File.AppendAllText(file, "{\"Session\":1,\"Li");
        Assert.Equal("fine", Assert.Single(new KernelHistory(file).Tail(10)).Input);
    }
}
