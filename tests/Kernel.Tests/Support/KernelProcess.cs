using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using Book.Engine.Packages;
using Book.Kernel.Connection;
using Book.Kernel.Install;

namespace Book.Tests.Support;

/// <summary>
/// `dotnet book.dll kernel -f FILE`, started as a front end starts it: a connection file with free
/// loopback ports and a random key. Its log (standard error) is collected; disposing kills it if needed.
/// </summary>
sealed class KernelProcess : IDisposable
{
    readonly Process process;
    readonly StringBuilder log = new();
    readonly string connectionFile;

    KernelProcess(ConnectionInfo connection, string connectionFile, Process process)
    {
        Connection = connection;
        this.connectionFile = connectionFile;
        this.process = process;
    }

    /// <summary>Where the kernel listens and the key it expects.</summary>
    public ConnectionInfo Connection { get; }

    /// <summary>What the kernel wrote to standard error so far.</summary>
    public string Log { get { lock (log) return log.ToString(); } }

    /// <summary>True once the process ended.</summary>
    public bool HasExited => process.HasExited;

    /// <summary>The exit code, once the process ended.</summary>
    public int ExitCode => process.ExitCode;

    /// <summary>Starts a kernel and waits until it says it is serving.</summary>
    public static KernelProcess Start()
    {
        var ports = FreePorts(5);
        var json = new JsonObject
        {
            ["transport"] = "tcp", ["ip"] = "127.0.0.1", ["signature_scheme"] = "hmac-sha256", ["key"] = Guid.NewGuid().ToString(),
            ["shell_port"] = ports[0], ["iopub_port"] = ports[1], ["stdin_port"] = ports[2], ["control_port"] = ports[3], ["hb_port"] = ports[4],
        };
        string file = Path.Combine(Path.GetTempPath(), $"book-kernel-test-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, json.ToJsonString());
        var start = new ProcessStartInfo(DotnetHost.Path) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { Repository.BookDll, "kernel", "-f", file }) start.ArgumentList.Add(argument);
        var kernel = new KernelProcess(ConnectionInfo.FromJson(json, file), file, Process.Start(start)!);
        kernel.process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (kernel.log) kernel.log.AppendLine(e.Data); };
        kernel.process.OutputDataReceived += (_, _) => { };
        kernel.process.BeginErrorReadLine();
        kernel.process.BeginOutputReadLine();
        kernel.WaitForLog("serving", TimeSpan.FromSeconds(60));
        return kernel;
    }

    /// <summary>Waits until the log contains <paramref name="text"/> <paramref name="times"/> times; throws with the log otherwise.</summary>
    public void WaitForLog(string text, TimeSpan timeout, int times = 1)
    {
        var clock = Stopwatch.StartNew();
        while (Occurrences(Log, text) < times)
        {
            if (clock.Elapsed > timeout || process.HasExited)
                throw new TimeoutException($"Expected the kernel to log '{text}' {times} time(s) within {timeout.TotalSeconds:0} s; its log:\n{Log}");
            Thread.Sleep(50);
        }
    }

    /// <summary>Waits for the process to end; false when it is still running after <paramref name="timeout"/>.</summary>
    public bool WaitForExit(TimeSpan timeout) => process.WaitForExit(timeout);

    static int Occurrences(string text, string part)
    {
        int count = 0;
        for (int i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal)) count++;
        return count;
    }

    static int[] FreePorts(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        listeners.ForEach(l => l.Start());
        var ports = listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
        listeners.ForEach(l => l.Stop());
        return ports;
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
        process.Dispose();
        File.Delete(connectionFile);
    }
}
