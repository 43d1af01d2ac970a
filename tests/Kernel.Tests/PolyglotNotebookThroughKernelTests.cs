using Book.Engine.Notebooks;
using Book.Engine.Packages;
using Book.Engine.Snapshots;
using Book.Tests.Support;

namespace Book.Tests;

/// <summary>
/// A notebook written the Polyglot way (tests/Shared/Polyglot: #r "nuget: …" for the book's packages and for one
/// restored from a local feed, #i, #r "library.dll", Formatter calls, magic commands) run through the kernel by
/// nbclient shows what `book run` writes.
/// </summary>
public sealed class PolyglotNotebookThroughKernelTests(LocalNuGetFeed feed) : IClassFixture<LocalNuGetFeed>
{
    [Fact]
    public void NbclientOutputsEqualBookRunOutputs()
    {
        using var jupyter = new JupyterEnvironment();
        string notebook = feed.NotebookFolder(Repository.Root, "polyglot-tutorial.ipynb");
        string executed = Path.Combine(Path.GetDirectoryName(notebook)!, "through-kernel.ipynb");

        var (exitCode, output) = jupyter.RunPython(["run_notebook.py", notebook, executed], TimeSpan.FromMinutes(8), feed.Environment);
        Assert.True(exitCode == 0, $"nbclient could not run the Polyglot notebook through the kernel (exit code {exitCode}):\n{output}");
        var (ran, log) = ProcessRunner.Run(DotnetHost.Path, [Repository.BookDll, "run", notebook], Repository.Root, TimeSpan.FromMinutes(8), feed.Environment);
        Assert.True(ran == 0, log);

        var difference = SnapshotComparer.FirstDifference(Notebook.Load(notebook), Notebook.Load(executed));
        Assert.True(difference is null, $"the Polyglot notebook through the kernel differs from `book run` (expected = book run, actual = kernel): {difference}");
        Assert.Contains("Book.Tests.Greeting: 1.0.0, restored", File.ReadAllText(executed));
    }
}
