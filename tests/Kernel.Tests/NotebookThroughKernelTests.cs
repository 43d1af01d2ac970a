using Book.Engine.Chapters;
using Book.Engine.Notebooks;
using Book.Engine.Snapshots;
using Book.Tests.Support;

namespace Book.Tests;

/// <summary>A notebook executed through the kernel by nbclient shows what `book run` (ChapterRunner) produces.</summary>
public class NotebookThroughKernelTests
{
    [Theory]
    [MemberData(nameof(Repository.Notebooks), MemberType = typeof(Repository))]
    public async Task NbclientOutputsEqualBookRunOutputs(string notebook)
    {
        using var jupyter = new JupyterEnvironment();
        string executed = Path.Combine(Path.GetTempPath(), $"book-kernel-nbclient-{Guid.NewGuid():N}.ipynb");
        try
        {
            var (exitCode, output) = jupyter.RunPython(["run_notebook.py", notebook, executed], TimeSpan.FromMinutes(8));
            Assert.True(exitCode == 0, $"nbclient could not run {notebook} through the kernel (exit code {exitCode}):\n{output}");
            var bookRun = await ChapterRunner.RunAsync(notebook);
            var difference = SnapshotComparer.FirstDifference(bookRun.Notebook, Notebook.Load(executed));
            Assert.True(difference is null, $"{Path.GetFileName(notebook)} through the kernel differs from `book run` (expected = book run, actual = kernel): {difference}");
        }
        finally
        {
            File.Delete(executed);
        }
    }
}
