using System.Globalization;

namespace Book.Kernel.Diagnostics;

/// <summary>The kernel's own log: one timestamped line per event, to standard error (Jupyter and VS Code show it).</summary>
public sealed class KernelLog(TextWriter writer)
{
    readonly TextWriter writer = TextWriter.Synchronized(writer);

    /// <summary>Writes one line.</summary>
    public void Write(string message) =>
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[book kernel {DateTime.UtcNow:HH:mm:ss.fff}] {message}"));
}
