using System.Text.Json.Nodes;
using Book.Engine.Packages;
using Book.Kernel.Install;
using Book.Tests.Support;
using NetMQ;
using NetMQ.Sockets;

namespace Book.Tests;

/// <summary>`book kernel install` writes the kernelspec a front end launches; the launched kernel answers heartbeats.</summary>
public class KernelInstallTests
{
    [Fact]
    public void InstallWritesTheKernelspecIntoJupyterDataDir()
    {
        var data = Directory.CreateTempSubdirectory("book-kernel-install-").FullName;
        try
        {
            var (exitCode, output) = ProcessRunner.Run(DotnetHost.Path, [Repository.BookDll, "kernel", "install", "--user"],
                Repository.Root, TimeSpan.FromMinutes(1), new Dictionary<string, string?> { ["JUPYTER_DATA_DIR"] = data });
            Assert.True(exitCode == 0, output);

            var spec = JsonNode.Parse(File.ReadAllText(Path.Combine(data, "kernels", "book-csharp", "kernel.json")))!;
            Assert.Equal("C# (Book)", (string?)spec["display_name"]);
            Assert.Equal("csharp", (string?)spec["language"]);
            Assert.Equal("message", (string?)spec["interrupt_mode"]);
            var argv = spec["argv"]!.AsArray().Select(a => (string?)a).ToList();
            Assert.Equal([DotnetHost.Path, Repository.BookDll, "kernel", "-f", "{connection_file}"], argv);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public void HeartbeatEchoes()
    {
        using var kernel = KernelProcess.Start();
        using var heartbeat = new RequestSocket(kernel.Connection.Endpoint(kernel.Connection.HeartbeatPort));
        heartbeat.SendFrame("ping");
        Assert.True(heartbeat.TryReceiveFrameString(TimeSpan.FromSeconds(10), out var echo), "Expected the heartbeat to answer within 10 s.");
        Assert.Equal("ping", echo);
    }
}
