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
    }
}
