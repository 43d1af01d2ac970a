using Book.Engine.Chapters;
using Book.Tests.Support;

namespace Book.Tests;

/// <summary>
/// `book bench` as a process. Only that it runs and writes the table: benchmarks are never timing
/// assertions (the figures depend on the machine and its load).
/// </summary>
public sealed class BenchCommandTests : IDisposable
{
    readonly string folder = Directory.CreateTempSubdirectory("book-bench-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    static (int ExitCode, string Output) Book(params string[] arguments) =>
        ProcessRunner.Run("dotnet", [Path.Combine(AppContext.BaseDirectory, "book.dll"), .. arguments],
            BookPaths.Find(AppContext.BaseDirectory).Root, TimeSpan.FromMinutes(10));

    [Fact]
    public void Quick_run_writes_every_section_of_the_table()
    {
        string table = Path.Combine(folder, "table.md");

        var (exitCode, output) = Book("bench", "--quick", "--out", table);

        Assert.True(exitCode == 0, output);
        string text = File.ReadAllText(table);
        Assert.Contains("Measured by `book bench --quick`", text);
        Assert.Contains("- libtorch CPU capability: ", text);
        foreach (string row in new[]
                 {
                     "| Tiny MLP 16-16-2", "| MLP 784-256-10", "| CNN conv32", "| LSTM classifier", "| Transformer language model", "| Adam (chapter 04)",
                     "| scaled dot-product attention, causal", "| Engine time per trivial cell", "| Kernel round trip", "TorchSharp throughput ÷ PyTorch's",
                     "submissions per minute", "| One submission: sandboxed ÷ `--no-sandbox`",
                 })
            Assert.Contains(row, text);
        // Every row has a figure: a ratio or a duration, not an empty cell.
        Assert.All(text.Split('\n').Where(l => l.StartsWith("| ", StringComparison.Ordinal) && !l.StartsWith("| Measured", StringComparison.Ordinal) && !l.StartsWith("| ---", StringComparison.Ordinal)),
            row => Assert.Matches(@"^\| [^|]+ \| (\d+\.\d+(×| ms| s| a minute)|not measured)", row));
    }

    [Fact]
    public void A_page_without_markers_is_refused_before_measuring_and_left_unchanged()
    {
        string page = Path.Combine(folder, "page.md");
        File.WriteAllText(page, "# My notes\n");

        var (exitCode, output) = Book("bench", "--quick", "--out", page);

        Assert.Equal(1, exitCode);
        Assert.Contains("has no '<!-- book bench: begin -->'", output);
        Assert.DoesNotContain("bench: MLP", output);
        Assert.Equal("# My notes\n", File.ReadAllText(page));
    }

    [Fact]
    public void An_unknown_option_names_itself_and_the_options()
    {
        var (exitCode, output) = Book("bench", "--fast");

        Assert.Equal(1, exitCode);
        Assert.Contains("Unknown option '--fast'", output);
        Assert.Contains("--quick", output);
    }
}
