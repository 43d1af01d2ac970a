using System.Diagnostics;
using System.Globalization;

namespace Book.Grading.Sandboxing;

/// <summary>
/// Starts the process that runs one submission's cells (<c>book grade-runner</c>). Sandboxed, it runs under
/// bubblewrap (<c>bwrap</c>) in new user, PID, network, IPC and UTS namespaces: no network (not even the
/// host's loopback), no other processes visible, a read-only view of <c>/usr</c>, the .NET runtime, the
/// book's built tool and its datasets — not the chapters (they hold the solutions and hidden tests), not the
/// autograder bundle, not other submissions — and an empty private <c>/tmp</c> as its only writable place.
/// Inside, <c>prlimit</c> caps address space, CPU seconds and threads/processes (fork bombs). Run as root,
/// the grader first drops to an unprivileged user id of its own per parallel slot (<c>setpriv</c>), so the
/// process limit counts that submission's processes only and no file owned by root is readable through the
/// view. README.md ("For instructors") gives the threat model.
/// </summary>
public sealed class Sandbox(string toolDirectory, string? datasetsDirectory, SandboxLimits limits, bool isolated)
{
    /// <summary>The first user id of the sandboxes when the grader runs as root (one per parallel slot).</summary>
    public const int FirstUserId = 61000;

    /// <summary>The limits of every process this sandbox starts.</summary>
    public SandboxLimits Limits { get; } = limits;

    /// <summary>False for <c>--no-sandbox</c>: the runner starts as a plain child process (for trusted notebooks and for measuring the sandbox's cost).</summary>
    public bool Isolated { get; } = isolated;

    /// <summary>Whether bubblewrap and prlimit are installed.</summary>
    public static string? MissingTools() =>
        new[] { "bwrap", "prlimit" }.FirstOrDefault(tool => Which(tool) is null) is { } missing
            ? $"`{missing}` is not installed: `apt-get install bubblewrap util-linux` (the book's .ci/install does), or pass --no-sandbox to grade trusted notebooks without isolation"
            : null;

    /// <summary>How to start the runner for the parallel slot <paramref name="slot"/>.</summary>
    public ProcessStartInfo StartInfo(int slot)
    {
        string dotnet = Environment.ProcessPath is { } host && Path.GetFileNameWithoutExtension(host) == "dotnet" ? host : Which("dotnet") ?? "dotnet";
        string dotnetRoot = Path.GetDirectoryName(Path.GetFullPath(ResolveLinks(dotnet)))!;
        var start = new ProcessStartInfo { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        string cellSeconds = ((int)Math.Ceiling(Limits.Cell.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        if (!Isolated)
        {
            start.FileName = dotnet;
            foreach (var a in new[] { Path.Combine(toolDirectory, "book.dll"), "grade-runner", "--cell-timeout", cellSeconds }) start.ArgumentList.Add(a);
            start.WorkingDirectory = Directory.CreateTempSubdirectory("book-grade-").FullName;
            if (datasetsDirectory is not null) start.Environment["BOOK_DATASETS"] = datasetsDirectory;
            return start;
        }
        var args = new List<string>();
        if (Environment.IsPrivilegedProcess)
        {
            string id = (FirstUserId + slot).ToString(CultureInfo.InvariantCulture);
            start.FileName = Which("setpriv") ?? "setpriv";
            args.AddRange(["--reuid", id, "--regid", id, "--clear-groups", "--", Which("bwrap")!]);
        }
        else start.FileName = Which("bwrap")!;
        args.AddRange(["--unshare-all", "--die-with-parent", "--new-session", "--clearenv",
            "--ro-bind", "/usr", "/usr", "--symlink", "usr/lib", "/lib", "--symlink", "usr/lib64", "/lib64",
            "--symlink", "usr/bin", "/bin", "--symlink", "usr/sbin", "/sbin",
            "--ro-bind-try", "/etc/ld.so.cache", "/etc/ld.so.cache", "--ro-bind-try", "/etc/alternatives", "/etc/alternatives",
            "--ro-bind", dotnetRoot, dotnetRoot, "--ro-bind", toolDirectory, "/book/tool",
            "--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp", "--chdir", "/tmp",
            "--setenv", "HOME", "/tmp", "--setenv", "TMPDIR", "/tmp", "--setenv", "PATH", "/usr/bin:/bin",
            "--setenv", "DOTNET_ROOT", dotnetRoot, "--setenv", "DOTNET_CLI_TELEMETRY_OPTOUT", "1",
            "--setenv", "DOTNET_NOLOGO", "1", "--setenv", "LANG", "C.UTF-8"]);
        if (datasetsDirectory is not null) args.AddRange(["--ro-bind", datasetsDirectory, "/book/datasets", "--setenv", "BOOK_DATASETS", "/book/datasets"]);
        // The managed heap gets a quarter of the address space (.NET and libtorch reserve much of the rest
        // for code, thread stacks and native tensors), so a memory bomb meets OutOfMemoryException, a message,
        // before the kernel refuses the runtime an allocation, a crash.
        args.AddRange(["--setenv", "DOTNET_GCHeapHardLimit", (Limits.MemoryBytes / 4).ToString("x", CultureInfo.InvariantCulture)]);
        args.AddRange(["--", Which("prlimit")!,
            $"--as={Limits.MemoryBytes}", $"--cpu={Limits.CpuSeconds}", $"--nproc={Limits.Processes}", "--core=0",
            "--", Path.Combine(dotnetRoot, "dotnet"), "/book/tool/book.dll", "grade-runner", "--cell-timeout", cellSeconds]);
        foreach (var a in args) start.ArgumentList.Add(a);
        return start;
    }

    static string ResolveLinks(string path) => new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? path;

    static string? Which(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, program)).FirstOrDefault(File.Exists);
}
