using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Book.Runtime;

namespace Book.Tests;

/// <summary>
/// The chapter tests run under <c>ATEN_CPU_CAPABILITY=default</c> unless the environment asks for another, so
/// that they check the committed notebooks under CPU kernels other than those of the machine that wrote them
/// (its best: avx2 or avx512) — noise printed as digits fails here, not on a reader's machine. libtorch reads
/// the variable from the process environment at its first operation, so it is set natively (setenv), before
/// any test code runs; `ATEN_CPU_CAPABILITY=avx2 dotnet test tests/Chapters.Tests` checks avx2 instead.
/// </summary>
static class CpuCapabilityUnderTest
{
    /// <summary>The capability the chapter tests use when the environment names none.</summary>
    public const string Default = "default";

    /// <summary>The capability asked for: the environment's, or <see cref="Default"/>.</summary>
    public static string Requested { get; private set; } = Default;

    [ModuleInitializer]
    internal static void Apply()
    {
        string? asked = Environment.GetEnvironmentVariable("ATEN_CPU_CAPABILITY");
        if (!string.IsNullOrEmpty(asked))
        {
            Requested = asked;
            return;
        }
        Environment.SetEnvironmentVariable("ATEN_CPU_CAPABILITY", Default); // for child processes
        if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS()) setenv("ATEN_CPU_CAPABILITY", Default, 1); // for libtorch in this one
    }

    [DllImport("libc")]
    static extern int setenv(string name, string value, int overwrite);
}

public class CpuCapabilityTests
{
    [Fact]
    public void Libtorch_runs_the_chapter_tests_under_the_capability_they_ask_for()
    {
        Assert.Equal(CpuCapabilityUnderTest.Requested.ToUpperInvariant(), CpuCapability.Current);
    }
}
