using Book.Engine.Export;
using Book.Engine.Notebooks;
using Book.Engine.Packages;
using Book.Engine.Snapshots;
using Book.Kernel.Install;
using Book.Tests.Support;

namespace Book.Tests;

/// <summary>`book export`: a chapter as a file-based app that `dotnet run` runs and that prints what the notebook shows.</summary>
public class ExportTests
{
    [Fact]
    public void TheAppHoistsUsingsShowsTrailingValuesRenamesRedeclaredVariablesAndDeclaresTypesLast()
    {
        var source = ChapterExport.ToFileBasedApp(Notebook.Load(Repository.Fixture), "../lib/Book.Library.csproj", "../chapters").Source;
        var lines = source.Split('\n');

        Assert.Equal("#:project ../lib/Book.Library.csproj", lines[0]);
        Assert.Contains("using static Book.Display.DisplayFunctions;", lines);
        Assert.Contains("using static TorchSharp.torch;", lines);
        Assert.True(Array.IndexOf(lines, "using static TorchSharp.torch;") < Array.IndexOf(lines, "// ── cell 2 ──"), "usings come before the first cell");
        Assert.Contains("// # Kernel fixture", lines);
        Assert.Contains("display(total);", lines);                                   // a trailing value is shown
        Assert.Contains("var total2 = samples.Length;", lines);                      // declared again in a later cell
        Assert.Contains("Console.WriteLine($\"{total2} samples\");", lines);         // a void call is not shown
        Assert.True(Array.IndexOf(lines, "record Sample(double X, double Y);") > Array.IndexOf(lines, "// ── cell 8 ──"), "types come after the statements");
    }

    [Theory]
    [MemberData(nameof(Repository.Notebooks), MemberType = typeof(Repository))]
    public void TheExportedChapterRunsWithDotnetRunAndPrintsWhatTheNotebookShows(string notebook)
    {
        string folder = Path.Combine(Repository.Root, "export", "kernel-tests");
        var (exported, exportLog) = ProcessRunner.Run(DotnetHost.Path, [Repository.BookDll, "export", notebook, "--out", folder],
            Repository.Root, TimeSpan.FromMinutes(2));
        Assert.True(exported == 0, $"`book export` failed:\n{exportLog}");

        string app = Path.Combine(folder, Path.GetFileNameWithoutExtension(notebook) + ".cs");
        var (exitCode, output) = ProcessRunner.Run(DotnetHost.Path, ["run", app], Repository.Root, TimeSpan.FromMinutes(8));
        Assert.True(exitCode == 0, $"`dotnet run {app}` failed (exit code {exitCode}):\n{output}");

        var printed = output.Split('\n').Select(line => line.TrimEnd('\r')).ToList();
        int next = 0;
        foreach (var (expected, tolerance) in ShownLines(Notebook.Load(notebook)))
        {
            int found = printed.FindIndex(next, line => SnapshotComparer.CompareText("line", expected, line, tolerance) is null);
            Assert.True(found >= 0, $"Expected the app to print '{expected}' (after line {next}); it printed:\n{output}");
            next = found + 1;
        }
    }

    /// <summary>Every line the notebook shows as text: standard output, and the plain text of displays and results.</summary>
    static IEnumerable<(string Line, Tolerance Tolerance)> ShownLines(Notebook notebook) =>
        from cell in notebook.CodeCells
        from output in cell.Outputs.Select(o => o!.AsObject())
        let text = (string?)output["output_type"] switch
        {
            "stream" when (string?)output["name"] == "stdout" => NotebookCell.JoinText(output["text"]),
            "display_data" or "execute_result" => NotebookCell.JoinText(output["data"]?["text/plain"]),
            _ => "",
        }
        from line in text.Split('\n')
        where line.Trim().Length > 0
        select (line, Tolerance.For(cell.Metadata));
}
