using Book.Engine.Notebooks;
using Book.Engine.Snapshots;
using Book.Tests.Support;

namespace Book.Tests;

/// <summary>
/// A notebook executed through the kernel by nbclient shows the outputs `book run` committed into it, within the
/// snapshot tolerance. The committed notebook is the reference, not a second `book run` here: that a fresh `book run`
/// still writes those outputs is what tests/Chapters.Tests checks, and a test run executes each chapter once per way
/// of running it (book run, kernel, exported program).
/// </summary>
public class NotebookThroughKernelTests
{
    [Theory]
    [MemberData(nameof(Repository.Notebooks), MemberType = typeof(Repository))]
    public void NbclientOutputsEqualTheCommittedOutputs(string notebook)
    {
        using var jupyter = new JupyterEnvironment();
        string executed = Path.Combine(Path.GetTempPath(), $"book-kernel-nbclient-{Guid.NewGuid():N}.ipynb");
        try
        {
            var (exitCode, output) = jupyter.RunPython(["run_notebook.py", notebook, executed], TimeSpan.FromMinutes(8));
            Assert.True(exitCode == 0, $"nbclient could not run {notebook} through the kernel (exit code {exitCode}):\n{output}");
            var difference = SnapshotComparer.FirstDifference(Notebook.Load(notebook), Notebook.Load(executed));
            Assert.True(difference is null, $"{Path.GetFileName(notebook)} through the kernel differs from its committed outputs (expected = committed, actual = kernel): {difference}");
        }
        finally
        {
            File.Delete(executed);
        }
    }
}
