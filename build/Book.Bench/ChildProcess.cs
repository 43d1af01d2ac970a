using System.ComponentModel;
using System.Diagnostics;
using Book.Engine.Chapters;

namespace Book.Bench;

/// <summary>A program the bench starts (Python, <c>/usr/bin/time</c>, the book itself): its exit code, standard output and error apart.</summary>
sealed record ChildProcess(int ExitCode, string Output, string Error)
{
    /// <summary>Debian's Python, which has python3-torch and jupyter_client (.ci/install); not whatever python3 PATH finds first.</summary>
    public const string Python = "/usr/bin/python3";

    /// <summary>Runs <paramref name="program"/> to its end; kills it and throws when it outlives <paramref name="timeout"/>.</summary>
    public static ChildProcess Run(string program, IEnumerable<string> arguments, TimeSpan timeout,
        IReadOnlyDictionary<string, string>? environment = null, string? directory = null)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = directory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        Process process;
        try { process = Process.Start(start)!; }
        catch (Win32Exception e) { throw new BookException($"Could not start '{program}': {e.Message}."); }
        using (process)
        {
            var error = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEndAsync();
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                throw new BookException($"`{program} {string.Join(' ', start.ArgumentList)}` did not finish within {timeout.TotalSeconds:0} s and was stopped.");
            }
            process.WaitForExit();
            return new ChildProcess(process.ExitCode, output.Result, error.Result);
        }
    }

    /// <summary>This result, or an error naming <paramref name="what"/> and the end of what the program printed when it failed.</summary>
    public ChildProcess Succeeded(string what) => ExitCode == 0 ? this
        : throw new BookException($"{what} failed (exit code {ExitCode}):\n{Tail(Error + Output)}");

    static string Tail(string text) => text.Length <= 2000 ? text.Trim() : "…" + text[^2000..].Trim();
}
