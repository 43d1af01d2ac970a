using System.Diagnostics;
using Book.Tests.Support;

namespace Book.Tests;

/// <summary>A kernel whose front end died without a shutdown_request ends by itself, as ipykernel does.</summary>
public class KernelLifetimeTests
{
    static readonly TimeSpan Soon = TimeSpan.FromSeconds(15);

    [Fact]
    public void The_kernel_ends_when_the_process_that_started_it_is_gone()
    {
        using var kernel = KernelProcess.StartUnderShell();

        kernel.EndParent();

        Assert.True(kernel.WaitForKernelToEnd(Soon), $"Expected the kernel {kernel.KernelId} to end without its parent; its log:\n{kernel.Log}");
        Assert.Contains("the parent process", kernel.Log);
    }

    [Fact]
    public void The_kernel_ends_when_the_front_end_named_in_JPY_PARENT_PID_is_gone()
    {
        using var frontEnd = Process.Start("sleep", "4")!;
        using var kernel = KernelProcess.Start(new Dictionary<string, string> { ["JPY_PARENT_PID"] = frontEnd.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.False(kernel.HasExited);

        frontEnd.WaitForExit();

        Assert.True(kernel.WaitForExit(Soon), $"Expected the kernel to end after its front end {frontEnd.Id}; its log:\n{kernel.Log}");
        Assert.Contains($"the front end's process {frontEnd.Id} (JPY_PARENT_PID) has ended", kernel.Log);
    }

    [Fact]
    public void A_cell_that_calls_Environment_Exit_shows_why_the_kernel_ended()
    {
        using var kernel = KernelProcess.Start();
        using var client = new KernelClient(kernel.Connection);
        client.WaitUntilReady();

        var exit = KernelClient.Execute("Environment.Exit(0);");
        client.Send(client.Shell, exit);

        var error = client.OutputOf(exit, "error", Soon);
        Assert.Equal("EnvironmentExit", (string?)error.Content["ename"]);
        Assert.Contains("called Environment.Exit(0)", (string?)error.Content["evalue"]);
        Assert.True(kernel.WaitForExit(Soon), kernel.Log);
        Assert.Equal(1, kernel.ExitCode);
    }
}
