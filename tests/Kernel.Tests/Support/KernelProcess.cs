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

    /// <summary>The kernel's process id: the started process, or the kernel a parent shell started (<see cref="StartUnderShell"/>).</summary>
    public int KernelId { get; private set; }

    /// <summary>Where the kernel listens and the key it expects.</summary>
    public ConnectionInfo Connection { get; }

    /// <summary>What the kernel wrote to standard error so far.</summary>
    public string Log { get { lock (log) return log.ToString(); } }

    /// <summary>True once the process ended.</summary>
    public bool HasExited => process.HasExited;

    /// <summary>The exit code, once the process ended.</summary>
    public int ExitCode => process.ExitCode;

    /// <summary>Starts a kernel and waits until it says it is serving.</summary>
    /// <param name="environment">Variables for the kernel, e.g. JPY_PARENT_PID.</param>
    public static KernelProcess Start(IReadOnlyDictionary<string, string>? environment = null) => Start(environment, underShell: false);

    /// <summary>
    /// Starts a kernel as the child of a shell that waits for it, as a front end would be its parent; killing
    /// the shell (<see cref="EndParent"/>) then leaves the kernel without its parent.
    /// </summary>
    public static KernelProcess StartUnderShell() => Start(null, underShell: true);

    static KernelProcess Start(IReadOnlyDictionary<string, string>? environment, bool underShell)
    {
        var ports = FreePorts(5);
        var json = new JsonObject
        {
            ["transport"] = "tcp", ["ip"] = "127.0.0.1", ["signature_scheme"] = "hmac-sha256", ["key"] = Guid.NewGuid().ToString(),
            ["shell_port"] = ports[0], ["iopub_port"] = ports[1], ["stdin_port"] = ports[2], ["control_port"] = ports[3], ["hb_port"] = ports[4],
        };
        string file = Path.Combine(Path.GetTempPath(), $"book-kernel-test-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, json.ToJsonString());
        string[] command = [DotnetHost.Path, Repository.BookDll, "kernel", "-f", file];
        // sh -c '"$@" & echo $!; wait' sh dotnet book.dll kernel -f FILE: the shell prints the kernel's id and waits for it.
        var start = new ProcessStartInfo(underShell ? "/bin/sh" : command[0])
        {
            RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false,
        };
        foreach (var argument in underShell ? ["-c", "\"$@\" & echo $!; wait", "sh", .. command] : command[1..]) start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        var kernel = new KernelProcess(ConnectionInfo.FromJson(json, file), file, Process.Start(start)!);
        kernel.KernelId = underShell ? int.Parse(kernel.process.StandardOutput.ReadLine()!) : kernel.process.Id;
        kernel.process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (kernel.log) kernel.log.AppendLine(e.Data); };
        kernel.process.BeginErrorReadLine();
        if (!underShell)
        {
            kernel.process.OutputDataReceived += (_, _) => { };
            kernel.process.BeginOutputReadLine();
        }
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

    /// <summary>Kills the shell that started the kernel (<see cref="StartUnderShell"/>), not the kernel.</summary>
    public void EndParent()
    {
        process.Kill(entireProcessTree: false);
        process.WaitForExit();
    }

    /// <summary>Waits until the kernel's process has ended; false when it still runs after <paramref name="timeout"/>.</summary>
    public bool WaitForKernelToEnd(TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (IsRunning(KernelId))
        {
            if (clock.Elapsed > timeout) return false;
            Thread.Sleep(100);
        }
        return true;
    }

    /// <summary>True while process <paramref name="id"/> exists and has not ended (a zombie counts as ended).</summary>
    static bool IsRunning(int id)
    {
        string status = Path.Combine("/proc", id.ToString(System.Globalization.CultureInfo.InvariantCulture), "status");
        try { return !File.ReadAllLines(status).Any(line => line.StartsWith("State:", StringComparison.Ordinal) && line.Contains("zombie")); }
        catch (IOException) { return false; }
    }

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
        if (KernelId != process.Id && IsRunning(KernelId))
            try { using var orphan = Process.GetProcessById(KernelId); orphan.Kill(); }
            catch (ArgumentException) { } // it ended meanwhile
        process.Dispose();
        File.Delete(connectionFile);
    }
}
