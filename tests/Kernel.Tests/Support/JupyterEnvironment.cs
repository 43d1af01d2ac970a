using Book.Kernel.Install;

namespace Book.Tests.Support;

/// <summary>
/// A private Jupyter setup in a temporary folder: the book's kernelspec installed there, and the
/// environment variables that make Python's jupyter_client use it (and nothing of the user's).
/// </summary>
sealed class JupyterEnvironment : IDisposable
{
    readonly string folder = Directory.CreateTempSubdirectory("book-kernel-tests-").FullName;

    public JupyterEnvironment() => KernelSpec.Install(Path.Combine(folder, "kernels"), Repository.BookDll);

    /// <summary>JUPYTER_PATH, JUPYTER_DATA_DIR, JUPYTER_RUNTIME_DIR and JUPYTER_CONFIG_DIR inside the folder.</summary>
    public IReadOnlyDictionary<string, string?> Variables => new Dictionary<string, string?>
    {
        ["JUPYTER_PATH"] = folder,
        ["JUPYTER_DATA_DIR"] = folder,
        ["JUPYTER_RUNTIME_DIR"] = Path.Combine(folder, "runtime"),
        ["JUPYTER_CONFIG_DIR"] = Path.Combine(folder, "config"),
        ["PYTHONDONTWRITEBYTECODE"] = "1",
    };

    /// <summary>Debian's Python, which has jupyter_client, nbclient and jupyter_kernel_test (build/setup/debian-packages.txt).</summary>
    public const string Python = "/usr/bin/python3";

    /// <summary>Runs a Python module or script of tests/Kernel.Tests/python with this environment.</summary>
    public (int ExitCode, string Output) RunPython(IEnumerable<string> arguments, TimeSpan timeout) =>
        ProcessRunner.Run(Python, arguments, Repository.TestFile("python"), timeout, Variables);

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
