using System.Text.Json.Nodes;
using Book.Tests.Support;

namespace Book.Tests;

/// <summary>interrupt_request and shutdown_request on the control channel, while the shell is busy.</summary>
public class ControlChannelTests
{
    [Fact]
    public void InterruptStopsAnEndlessLoopAndTheKernelAnswersTheNextCell()
    {
        using var kernel = KernelProcess.Start();
        using var client = new KernelClient(kernel.Connection);
        client.WaitUntilReady();
        client.Ask(client.Shell, KernelClient.Execute("0"));   // the first cell also starts the compiler: not what is interrupted here

        var loop = KernelClient.Execute("var spins = 0L;\nwhile (true) { spins++; }");
        client.Send(client.Shell, loop);
        Thread.Sleep(TimeSpan.FromSeconds(1));
        Assert.Equal("ok", (string?)client.Ask(client.Control, KernelClient.Request("interrupt_request")).Content["status"]);

        var stopped = client.ReceiveReply(client.Shell, TimeSpan.FromSeconds(15));
        Assert.Equal("error", (string?)stopped.Content["status"]);
        Assert.Equal("KeyboardInterrupt", (string?)stopped.Content["ename"]);
        Assert.Single(client.OutputsOf(loop), m => m.Type == "error");

        var next = KernelClient.Execute("1 + 1");
        Assert.Equal("ok", (string?)client.Ask(client.Shell, next).Content["status"]);
        Assert.Equal("2", (string?)client.OutputsOf(next).Single(m => m.Type == "execute_result").Content["data"]!["text/plain"]);
    }

    [Fact]
    public void ACellThatCannotBeStoppedSaysTheKernelMustBeRestarted()
    {
        using var kernel = KernelProcess.Start();
        using var client = new KernelClient(kernel.Connection);
        client.WaitUntilReady();
        client.Ask(client.Shell, KernelClient.Execute("0"));

        var sleep = KernelClient.Execute("Console.WriteLine(\"asleep\");\nSystem.Threading.Thread.Sleep(System.Threading.Timeout.Infinite);");
        client.Send(client.Shell, sleep);
        client.OutputOf(sleep, "stream", TimeSpan.FromSeconds(60)); // running, not still compiling, when the interrupt comes
        client.Ask(client.Control, KernelClient.Request("interrupt_request"));
        var stuck = client.ReceiveReply(client.Shell, TimeSpan.FromSeconds(20));
        Assert.Equal("error", (string?)stuck.Content["status"]);
        Assert.Contains("restart", (string?)stuck.Content["evalue"]);

        var refused = client.Ask(client.Shell, KernelClient.Execute("1 + 1"));
        Assert.Equal("KernelRestartNeeded", (string?)refused.Content["ename"]);
    }

    [Fact]
    public void ShutdownRequestEndsTheProcess()
    {
        using var kernel = KernelProcess.Start();
        using var client = new KernelClient(kernel.Connection);
        client.WaitUntilReady();

        var reply = client.Ask(client.Control, KernelClient.Request("shutdown_request", new JsonObject { ["restart"] = true }));
        Assert.Equal("ok", (string?)reply.Content["status"]);
        Assert.True((bool?)reply.Content["restart"]);
        Assert.True(kernel.WaitForExit(TimeSpan.FromSeconds(15)), $"Expected the kernel to exit after shutdown_request; its log:\n{kernel.Log}");
        Assert.Equal(0, kernel.ExitCode);
    }
}
