using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace Book.Kernel.Connection;

/// <summary>
/// Ends the kernel when the front end that started it is gone, as ipykernel does: a front end that
/// crashes or is killed sends no shutdown_request, and a kernel must not outlive it (holding ports, memory
/// and a cell's work). Jupyter front ends name themselves in <c>JPY_PARENT_PID</c>; on Linux and macOS the
/// kernel also notices that its parent process changed (it was re-parented, to init or a subreaper).
/// Checked once a second.
/// </summary>
public sealed class ParentWatch : IDisposable
{
    /// <summary>How often the parent is checked.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    readonly int? named;
    readonly int? parent;
    readonly Timer timer;
    int reported;

    ParentWatch(Action<string> onGone)
    {
        named = int.TryParse(Environment.GetEnvironmentVariable("JPY_PARENT_PID"), NumberStyles.None, CultureInfo.InvariantCulture, out int pid) && pid > 1 ? pid : null;
        parent = OperatingSystem.IsWindows() ? null : getppid();
        timer = new Timer(_ =>
        {
            if (Gone() is { } why && Interlocked.Exchange(ref reported, 1) == 0) onGone(why);
        }, null, Interval, Interval);
    }

    /// <summary>Starts watching; <paramref name="onGone"/> is called once, with the reason, when the parent is gone.</summary>
    public static ParentWatch Start(Action<string> onGone) => new(onGone);

    /// <summary>Why the parent counts as gone, or null while it is there.</summary>
    string? Gone()
    {
        if (named is { } pid && !IsRunning(pid)) return $"the front end's process {pid} (JPY_PARENT_PID) has ended";
        if (parent is { } first && first > 1 && getppid() != first) return $"the parent process {first} has ended";
        return null;
    }

    static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    [DllImport("libc")]
    static extern int getppid();

    /// <summary>Stops watching.</summary>
    public void Dispose() => timer.Dispose();
}
