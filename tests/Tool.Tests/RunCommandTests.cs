using System.Text.Json.Nodes;
using Book.Engine.Chapters;
using Book.Tests.Support;

namespace Book.Tests;

/// <summary>`book run` end to end, as a learner runs it: a real process on notebooks in a temporary folder.</summary>
public sealed class RunCommandTests : IDisposable
{
    readonly string folder = Directory.CreateTempSubdirectory("book-run-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    static JsonObject Code(string source) => new()
    {
        ["cell_type"] = "code", ["metadata"] = new JsonObject(), ["source"] = source,
        ["outputs"] = new JsonArray(), ["execution_count"] = null,
    };

    string WriteNotebook(string name, params JsonObject[] cells)
    {
        var notebook = new JsonObject
        {
            ["nbformat"] = 4, ["nbformat_minor"] = 5,
            ["metadata"] = new JsonObject { ["authors"] = new JsonArray("someone"), ["custom"] = new JsonObject { ["kept"] = true } },
            ["cells"] = new JsonArray(cells.Select(c => (JsonNode)c).ToArray()),
        };
        string path = Path.Combine(folder, name);
        File.WriteAllText(path, notebook.ToJsonString());
        return path;
    }

    static (int ExitCode, string Output) Book(params string[] arguments) =>
        ProcessRunner.Run("dotnet", [Path.Combine(AppContext.BaseDirectory, "book.dll"), .. arguments],
            BookPaths.Find(AppContext.BaseDirectory).Root, TimeSpan.FromMinutes(5));

    [Fact]
    public void A_broken_cell_stops_the_run_names_chapter_cell_and_line_and_leaves_the_file_unchanged()
    {
        string path = WriteNotebook("99-broken.ipynb", Code("Console.WriteLine(\"first\");"), Code("var x = 1;\nvar y = x + missing;"), Code("Console.WriteLine(\"never\");"));
        byte[] before = File.ReadAllBytes(path);

        var (exitCode, output) = Book("run", path);

        Assert.Equal(1, exitCode);
        Assert.Contains("99-broken.ipynb: cell 2 (code cell 2), line 2", output);
        Assert.Contains("CS0103", output);
        Assert.Contains("was not changed", output);
        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Single(Directory.GetFiles(folder));
    }

    [Fact]
    public void A_good_run_writes_outputs_and_keeps_the_notebooks_own_metadata()
    {
        string path = WriteNotebook("98-good.ipynb", Code("Console.WriteLine(\"hello\");"), Code("2 + 3"));

        var (exitCode, output) = Book("run", path);

        Assert.True(exitCode == 0, output);
        var written = JsonNode.Parse(File.ReadAllText(path))!;
        Assert.Equal("hello\n", (string?)written["cells"]![0]!["outputs"]![0]!["text"]![0]);
        Assert.Equal("5", (string?)written["cells"]![1]!["outputs"]![0]!["data"]!["text/plain"]![0]);
        Assert.Equal(2, (int?)written["cells"]![1]!["execution_count"]);
        Assert.True((bool?)written["metadata"]!["custom"]!["kept"]);
        Assert.Equal("someone", (string?)written["metadata"]!["authors"]![0]);
        Assert.Equal("book-csharp", (string?)written["metadata"]!["kernelspec"]!["name"]);
    }

    [Fact]
    public void A_runaway_cell_is_stopped_by_the_timeout_option_with_a_clear_message()
    {
        string path = WriteNotebook("97-loop.ipynb", Code("while (true) { }"));

        var (exitCode, output) = Book("run", path, "--timeout", "1");

        Assert.Equal(1, exitCode);
        Assert.Contains("ran longer than its 1 s timeout", output);
    }

    [Fact]
    public void An_unknown_chapter_lists_the_chapters_there_are()
    {
        var (exitCode, output) = Book("run", "no-such-chapter");
        Assert.Equal(1, exitCode);
        Assert.Contains("No chapter matches 'no-such-chapter'", output);
        Assert.Contains("03-loss-functions.ipynb", output);
    }
}
