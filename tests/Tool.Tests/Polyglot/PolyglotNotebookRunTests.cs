using System.Text.Json.Nodes;
using Book.Engine.Chapters;
using Book.Tests.Support;

namespace Book.Tests.Polyglot;

/// <summary>
/// `book run` on notebooks written the Polyglot way (tests/Shared/Polyglot): packages the book has and one it does
/// not (restored with its dependency from a local feed the fixture packs), a local assembly, Formatter calls, magic
/// commands, and the .dib format.
/// </summary>
public sealed class PolyglotNotebookRunTests(LocalNuGetFeed feed) : IClassFixture<LocalNuGetFeed>
{
    static readonly string Root = BookPaths.Find(AppContext.BaseDirectory).Root;

    (int ExitCode, string Output) Book(params string[] arguments) =>
        ProcessRunner.Run("dotnet", [Path.Combine(AppContext.BaseDirectory, "book.dll"), .. arguments], Root, TimeSpan.FromMinutes(8), feed.Environment);

    static string Text(JsonNode? cell, int output, string mime = "text/plain") =>
        string.Concat(cell!["outputs"]![output]!["data"]![mime]!.AsArray().Select(line => (string?)line));

    [Fact]
    public void A_Polyglot_ipynb_runs_unchanged_and_its_outputs_are_written()
    {
        string path = feed.NotebookFolder(Root, "polyglot-tutorial.ipynb");

        var (exitCode, output) = Book("run", path);

        Assert.True(exitCode == 0, output);
        var cells = JsonNode.Parse(File.ReadAllText(path))!["cells"]!.AsArray();
        Assert.Equal("Installed packages:\n  TorchSharp-cpu: 0.107.0, the book's own\n  Microsoft.Data.Analysis: 0.23.1, the book's own; the cell asked for (>= 0.23.1)",
            Text(cells[1], 0));
        Assert.Equal("Installed packages:\n  Book.Tests.Greeting: 1.0.0, restored\n  Book.Tests.Words: 1.0.0, restored as a dependency", Text(cells[2], 0));
        Assert.Equal("hello, Polyglot", Text(cells[3], 0));
        Assert.Equal("Installed packages:\n  Book.Tests.Words: 1.0.0, restored", Text(cells[4], 0));
        Assert.Equal("HELLO", Text(cells[4], 1));
        Assert.Equal("9.84252", Text(cells[5], 0));
        Assert.StartsWith("[2x3], type = Float32, device = cpu", Text(cells[6], 0));
        Assert.Null(cells[6]!["outputs"]![0]!["data"]!["text/html"]);
        Assert.Equal("<b>(3, 4)</b>", Text(cells[7], 0, "text/html"));
        Assert.Equal("[1, 2, 3, …]", Text(cells[8], 0));
        Assert.Matches(@"^Wall time: [\d.]+ms\n$", string.Concat(cells[9]!["outputs"]![0]!["text"]!.AsArray().Select(l => (string?)l)));
        Assert.Equal("500500", Text(cells[9], 1));
        Assert.Contains("#!about shows .NET Interactive's version", Text(cells[10], 0));
        Assert.Equal("<i>done</i>", Text(cells[11], 0, "text/html"));
    }

    [Fact]
    public void A_dib_runs_its_outputs_are_printed_and_the_file_is_kept()
    {
        string path = feed.NotebookFolder(Root, "polyglot-tutorial.dib");
        byte[] before = File.ReadAllBytes(path);

        var (exitCode, output) = Book("run", path);

        Assert.True(exitCode == 0, output);
        Assert.Contains("── cell 3 ──\nhello, .dib\n", output);
        Assert.Contains("[1.5, 2.25, …]", output);
        Assert.Contains("Wall time: ", output);
        Assert.Contains("outputs printed (a .dib file keeps none)", output);
        Assert.Equal(before, File.ReadAllBytes(path));
    }

    [Fact]
    public void A_package_that_cannot_be_restored_is_named_with_the_sources_tried_and_the_notebook_is_kept()
    {
        string path = feed.NotebookFolder(Root, "polyglot-tutorial.ipynb");
        var notebook = JsonNode.Parse(File.ReadAllText(path))!;
        notebook["cells"]![2]!["source"] = new JsonArray("#i \"nuget: ./local-feed\"\n", "#r \"nuget: No.Such.Package, 1.0.0\"");
        File.WriteAllText(path, notebook.ToJsonString());
        byte[] before = File.ReadAllBytes(path);

        var (exitCode, output) = Book("run", path);

        Assert.Equal(1, exitCode);
        Assert.Contains("cell 3 (code cell 2), line 2", output);
        Assert.Contains("could not restore No.Such.Package 1.0.0 from the NuGet sources configured for", output);
        Assert.Contains("and #i " + Path.Combine(Path.GetDirectoryName(path)!, "local-feed"), output);
        Assert.Contains("NU1101: Unable to find package No.Such.Package", output);
        Assert.Equal(before, File.ReadAllBytes(path));
    }
}
