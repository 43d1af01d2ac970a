using System.Runtime.InteropServices;

namespace Book.Engine.Execution;

/// <summary>
/// A cell that calls <see cref="Environment.Exit"/> ends the whole process, and .NET offers no way to
/// refuse. So the engine notices it instead: an exit while a cell runs — not caused by a signal such as
/// Ctrl+C — is that cell's doing, and its failure. <see cref="Exiting"/> tells the host (which then says
/// which cell failed and what did not run), and the process ends with exit code 1: never with the code
/// the cell asked for, never silently.
/// </summary>
public static class CellExitGuard
{
    static readonly object gate = new();
    static readonly List<PosixSignalRegistration> signals = [];
    static string? runningCell;
    static volatile bool signalled;

    static CellExitGuard()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) => OnProcessExit();
        if (OperatingSystem.IsWindows()) return;
        foreach (var signal in new[] { PosixSignal.SIGTERM, PosixSignal.SIGINT, PosixSignal.SIGQUIT, PosixSignal.SIGHUP })
            signals.Add(PosixSignalRegistration.Create(signal, _ => signalled = true));
    }

    /// <summary>Raised, during the exit, when a running cell ended the process; the process then exits with code 1.</summary>
    public static event Action<CellExit>? Exiting;

    /// <summary>Marks <paramref name="cellName"/> as running until the result is disposed.</summary>
    internal static IDisposable Enter(string cellName)
    {
        lock (gate) runningCell = cellName;
        return new Leave(cellName);
    }

    sealed class Leave(string cellName) : IDisposable
    {
        public void Dispose()
        {
            lock (gate) if (runningCell == cellName) runningCell = null;
        }
    }

    static void OnProcessExit()
    {
        string? cell;
        lock (gate) cell = runningCell;
        if (cell is null || signalled) return;
        int requested = Environment.ExitCode;
        ConsoleCapture.Route(null); // what the host says goes to the terminal, not into the cell's output
        Exiting?.Invoke(new CellExit(cell, requested));
        Console.Out.Flush();
        Console.Error.Flush();
        Environment.ExitCode = 1;
    }
}

/// <summary>A cell ended the process: its name and the exit code it asked for.</summary>
public sealed record CellExit(string CellName, int RequestedExitCode)
{
    /// <summary>The failure as one sentence: "cell 4 called Environment.Exit(0): …".</summary>
    public string Describe() =>
        $"{CellName} called Environment.Exit({RequestedExitCode}): a cell cannot end the run, so this is its failure";
}
