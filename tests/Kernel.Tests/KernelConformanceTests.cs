using Book.Tests.Support;

namespace Book.Tests;

/// <summary>Jupyter's own conformance suite (Debian's python3-jupyter-kernel-test) against the kernel, started from its kernelspec.</summary>
public class KernelConformanceTests
{
    [Fact]
    public void JupyterKernelTestSuitePasses()
    {
        using var jupyter = new JupyterEnvironment();
        var (exitCode, output) = jupyter.RunPython(["-m", "unittest", "-v", "test_book_kernel"], TimeSpan.FromMinutes(5));
        Assert.True(exitCode == 0, $"jupyter_kernel_test failed (exit code {exitCode}):\n{output}");
        Assert.Contains("OK", output);
        // jupyter_kernel_test skips a test whose sample is missing; the ones the book relies on must have run.
        foreach (var test in Required)
            Assert.True(output.Contains($"{test} (test_book_kernel.BookKernelTests.{test}) ... ok", StringComparison.Ordinal),
                $"Expected jupyter_kernel_test's {test} to run and pass; the suite printed:\n{output}");
    }

    static readonly string[] Required =
    [
        "test_execute_stdout", "test_execute_stderr", "test_error", "test_completion", "test_is_complete",
        "test_execute_result", "test_display_data", "test_inspect", "test_kernel_info", "test_update_display_data",
        "test_history", "test_clear_output", "test_language_info_names_what_front_ends_highlight_with", "test_history_keeps_inputs_and_results",
    ];
}
