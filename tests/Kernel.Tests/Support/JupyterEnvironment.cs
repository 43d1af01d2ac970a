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
        // The kernel's history file and package restores go here, not into the user's cache.
        ["BOOK_CACHE"] = Path.Combine(folder, "cache"),
    };

    /// <summary>Debian's Python, which has jupyter_client, nbclient and jupyter_kernel_test (build/setup/debian-packages.txt).</summary>
    public const string Python = "/usr/bin/python3";

    /// <summary>Runs a Python module or script of tests/Kernel.Tests/python with this environment (and <paramref name="more"/> variables).</summary>
    public (int ExitCode, string Output) RunPython(IEnumerable<string> arguments, TimeSpan timeout, IReadOnlyDictionary<string, string?>? more = null) =>
        ProcessRunner.Run(Python, arguments, Repository.TestFile("python"), timeout,
            more is null ? Variables : Variables.Concat(more).GroupBy(v => v.Key).ToDictionary(g => g.Key, g => g.Last().Value));

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
