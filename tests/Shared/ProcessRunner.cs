using System.Diagnostics;
using System.Text;

namespace Book.Tests.Support;

/// <summary>
/// Runs a program to its end and returns its exit code with standard output and error interleaved.
/// Shared by the test projects that start processes (linked into each from tests/Shared).
/// </summary>
static class ProcessRunner
{
    /// <summary>Runs <paramref name="program"/>; kills it and throws, with what it printed, when it outlives <paramref name="timeout"/>.</summary>
    /// <param name="environment">Variables to set, or to remove (a null value).</param>
    public static (int ExitCode, string Output) Run(string program, IEnumerable<string> arguments, string workingDirectory,
        TimeSpan timeout, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
            if (value is null) start.Environment.Remove(name);
            else start.Environment[name] = value;
        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            throw new TimeoutException($"Expected `{program} {string.Join(" ", start.ArgumentList)}` to finish within {timeout.TotalSeconds:0} s; it printed:\n{output}");
        }
        process.WaitForExit();
        lock (output) return (process.ExitCode, output.ToString());
    }
}
