using Book.Engine.Chapters;
using Book.Engine.Notebooks;

namespace Book.Tests.Polyglot;

/// <summary>Polyglot's .dib text format is read as a notebook: cells at language markers, metadata from #!meta.</summary>
[Collection(nameof(GlobalFormatter))]
public sealed class DibFileTests : IDisposable
{
    readonly string folder = Directory.CreateTempSubdirectory("book-dib-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    string Write(string text)
    {
        string path = Path.Combine(folder, "notebook.dib");
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Cells_start_at_language_markers_magic_commands_stay_in_their_cell_and_blank_edges_are_dropped()
    {
        var notebook = Notebook.Load(Write("""
            #!meta

            {"kernelInfo":{"defaultKernelName":"csharp","items":[{"aliases":["cs"],"name":"csharp"},{"aliases":[],"name":"fsharp"}]}}

            #!markdown

            # Title

            #!cs

            #!time
            var x = 1;

            #!fsharp
            let y = 2
            """));

        Assert.Equal(["markdown", "code", "code"], notebook.Cells.Select(c => c.Type));
        Assert.Equal("# Title", notebook.Cells[0].Source);
        Assert.Equal("#!time\nvar x = 1;", notebook.Cells[1].Source);
        Assert.Equal("csharp", (string?)notebook.Cells[1].Metadata["polyglot_notebook"]!["kernelName"]);
        Assert.Equal("fsharp", (string?)notebook.Cells[2].Metadata["polyglot_notebook"]!["kernelName"]);
        Assert.Equal("Title", notebook.Title);
        Assert.Equal("csharp", (string?)notebook.Metadata["polyglot_notebook"]!["kernelInfo"]!["defaultKernelName"]);
    }

    [Fact]
    public void Text_before_any_marker_is_a_CSharp_cell()
    {
        var notebook = Notebook.Load(Write("Console.WriteLine(1);\n"));
        Assert.Equal("Console.WriteLine(1);", Assert.Single(notebook.CodeCells).Source);
    }

    [Fact]
    public async Task A_cell_in_another_language_stops_the_run_saying_the_book_runs_CSharp_only_and_the_file_is_kept()
    {
        string path = Write("#!csharp\n\nvar x = 1;\n\n#!fsharp\n\nlet y = 2\n");
        byte[] before = File.ReadAllBytes(path);
        var failure = await Assert.ThrowsAsync<ChapterFailedException>(() => ChapterRunner.RunAsync(path));
        Assert.Equal(2, failure.Failure.Cell.Number);
        Assert.Equal("UnsupportedLanguage", failure.Failure.Result.Error!.Name);
        Assert.Contains("this cell is in F#", failure.Message);
        Assert.Equal(before, File.ReadAllBytes(path));
    }

    [Fact]
    public void Malformed_metadata_names_the_file()
    {
        string path = Write("#!meta\n\n{ not json\n\n#!csharp\n1");
        var error = Assert.Throws<NotebookFormatException>(() => Notebook.Load(path));
        Assert.Contains(path, error.Message);
        Assert.Contains("#!meta", error.Message);
    }
}
