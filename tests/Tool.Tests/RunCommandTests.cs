using System.Text.Json.Nodes;
using Book.Engine.Chapters;
using Book.Tests.Support;

namespace Book.Tests;

/// <summary>`book run` end to end, as a learner runs it: a real process on notebooks in a temporary folder.</summary>
public sealed class RunCommandTests : IDisposable
{
    readonly string folder = Directory.CreateTempSubdirectory("book-run-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    static JsonObject Markdown(string source) => new() { ["cell_type"] = "markdown", ["metadata"] = new JsonObject(), ["source"] = source };

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

    static string Root => BookPaths.Find(AppContext.BaseDirectory).Root;

    /// <summary>The lines the command printed that are not progress lines ("▶ …", "    cell   3   0.1 s").</summary>
    static string[] Messages(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(line => !line.StartsWith('▶') && !line.StartsWith("    cell ")).ToArray();

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

    [Fact]
    public void An_edit_saved_while_the_chapter_runs_is_kept_and_the_runs_outputs_are_put_aside()
    {
        // The second cell stands for the learner saving the notebook in an editor while `book run` works.
        string path = WriteNotebook("96-edited.ipynb", Markdown("draft"),
            Code("Console.WriteLine(\"computed\");"),
            Code("System.IO.File.WriteAllText(\"96-edited.ipynb\", System.IO.File.ReadAllText(\"96-edited.ipynb\").Replace(\"draft\", \"edited\"));"));
        string kept = Path.Combine(Root, ".book", "unsaved", "96-edited.ipynb");
        if (File.Exists(kept)) File.Delete(kept);

        var (exitCode, output) = Book("run", path);

        Assert.Equal(1, exitCode);
        Assert.Contains("changed on disk while it ran", output);
        Assert.Contains(kept, output);
        var onDisk = JsonNode.Parse(File.ReadAllText(path))!;
        Assert.Equal("edited", (string?)onDisk["cells"]![0]!["source"]);
        Assert.Empty(onDisk["cells"]![1]!["outputs"]!.AsArray());
        var put = JsonNode.Parse(File.ReadAllText(kept))!;
        Assert.Equal("computed\n", (string?)put["cells"]![1]!["outputs"]![0]!["text"]![0]);
        File.Delete(kept);
    }

    [Theory]
    [InlineData("600")]
    [InlineData("444")]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Writing_outputs_keeps_the_notebooks_permissions(string octal)
    {
        string path = WriteNotebook("95-mode.ipynb", Code("1 + 1"));
        var mode = (UnixFileMode)Convert.ToInt32(octal, 8);
        File.SetUnixFileMode(path, mode);

        var (exitCode, output) = Book("run", path);

        Assert.True(exitCode == 0, output);
        Assert.Equal(mode, File.GetUnixFileMode(path));
        Assert.Equal("2", (string?)JsonNode.Parse(File.ReadAllText(path))!["cells"]![0]!["outputs"]![0]!["data"]!["text/plain"]![0]);
    }

    [Fact]
    public void A_symlinked_notebook_stays_a_link_and_its_target_gets_the_outputs()
    {
        string target = WriteNotebook("94-target.ipynb", Code("6 * 7"));
        string link = Path.Combine(folder, "94-link.ipynb");
        File.CreateSymbolicLink(link, target);

        var (exitCode, output) = Book("run", link);

        Assert.True(exitCode == 0, output);
        Assert.Equal(target, new FileInfo(link).LinkTarget);
        Assert.Equal("42", (string?)JsonNode.Parse(File.ReadAllText(target))!["cells"]![0]!["outputs"]![0]!["data"]!["text/plain"]![0]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public void A_cell_that_calls_Environment_Exit_fails_the_run_and_the_chapters_after_it_say_they_did_not_run(int code)
    {
        string first = WriteNotebook("93-exits.ipynb", Code("Console.WriteLine(\"before\");"), Code($"var x = 1;\nEnvironment.Exit({code});"), Code("Console.WriteLine(\"after\");"));
        string second = WriteNotebook("93-later.ipynb", Code("1"));
        byte[] before = File.ReadAllBytes(first), laterBefore = File.ReadAllBytes(second);

        var (exitCode, output) = Book("run", first, second);

        Assert.Equal(1, exitCode);
        Assert.Contains($"93-exits.ipynb: cell 2 called Environment.Exit({code})", output);
        Assert.Contains("Not run: 93-later.ipynb.", output);
        Assert.Equal(before, File.ReadAllBytes(first));
        Assert.Equal(laterBefore, File.ReadAllBytes(second));
    }

    [Theory]
    [InlineData("not a notebook at all", "expected JSON, found invalid JSON at line 1")]
    [InlineData("{\"nbformat\": 4, \"nbformat_minor\": 5, \"metadata\": {}, \"cells\": [{\"cell_type\": \"code\", \"sour", "(the file ends too early: truncated?)")]
    [InlineData("{\"nbformat\": 4, \"nbformat_minor\": 5, \"metadata\": {}}", "expected a 'cells' list, found none")]
    [InlineData("{\"nbformat\": 3, \"nbformat_minor\": 0, \"metadata\": {}, \"worksheets\": []}", "expected nbformat 4, found nbformat 3")]
    [InlineData("{\"nbformat\": 4, \"nbformat_minor\": 5, \"metadata\": {}, \"cells\": [{\"cell_type\": \"code\", \"metadata\": {}, \"source\": 42, \"outputs\": []}]}",
        "cell 1: expected 'source' to be a string or a list of strings, found a number (42)")]
    [InlineData("", "expected a JSON object, found an empty file")]
    public void A_malformed_notebook_gives_one_line_naming_the_file_and_what_was_expected_and_found(string content, string expected)
    {
        string path = Path.Combine(folder, "92-malformed.ipynb");
        File.WriteAllText(path, content);

        var (exitCode, output) = Book("run", path);
        var (_, verbose) = Book("run", path, "--verbose");

        Assert.Equal(1, exitCode);
        string message = Assert.Single(Messages(output));
        Assert.StartsWith($"✘ {path} is not a notebook the book can read: ", message);
        Assert.Contains(expected, message);
        Assert.DoesNotContain("   at ", output);
        Assert.Contains("   at ", verbose);
        Assert.Equal(content, File.ReadAllText(path));
    }

    [Fact]
    public void A_truncated_dataset_manifest_fails_its_cell_with_one_line_naming_the_manifest()
    {
        string datasets = Directory.CreateDirectory(Path.Combine(folder, "datasets")).FullName;
        File.WriteAllText(Path.Combine(datasets, "manifest.json"), "{ \"datasets\": [ { \"name\": \"numb");
        string path = WriteNotebook("91-data.ipynb", Code($"Book.Data.DatasetManifest.Load(\"{datasets}\")"));
        string later = WriteNotebook("91-later.ipynb", Code("1"));

        var (exitCode, output) = Book("run", path, later);

        Assert.Equal(1, exitCode);
        var messages = Messages(output);
        Assert.Equal(3, messages.Length); // the failure, "was not changed", "Not run"
        Assert.Contains($"cell 1 (code cell 1), line 1 failed — InvalidDataException: {Path.Combine(datasets, "manifest.json")}: expected the book's dataset manifest", messages[0]);
        Assert.Contains("invalid JSON at line 1", messages[0]);
        Assert.Equal("  Not run: 91-later.ipynb.", messages[2]);
        Assert.DoesNotContain("   at ", output);
    }

    [Fact]
    public void A_runtime_error_names_the_exception_type_and_the_line_of_the_cell()
    {
        string path = WriteNotebook("90-index.ipynb", Code("var numbers = new int[2];\nvar i = 5;\nConsole.WriteLine(numbers[i]);"));

        var (exitCode, output) = Book("run", path);

        Assert.Equal(1, exitCode);
        Assert.Contains("90-index.ipynb: cell 1 (code cell 1), line 3 failed — IndexOutOfRangeException: Index was outside the bounds of the array.", output);
    }
}
