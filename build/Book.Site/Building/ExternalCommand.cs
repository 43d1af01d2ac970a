using System.ComponentModel;
using System.Diagnostics;

namespace Book.Site.Building;

/// <summary>Runs a program the site needs (npm, mkdocs) to completion, keeping what it printed for the error message.</summary>
static class ExternalCommand
{
    /// <summary>Runs <paramref name="program"/> in <paramref name="directory"/>; throws naming the command and its output when it fails.</summary>
    /// <param name="installHint">What to do when the program is not installed.</param>
    public static string Run(string program, IReadOnlyList<string> arguments, string directory, string installHint)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        Process process;
        try { process = Process.Start(start)!; }
        catch (Win32Exception) { throw new SiteBuildException($"'{program}' was not found on PATH: {installHint}"); }
        using (process)
        {
            var stderr = process.StandardError.ReadToEndAsync();
            string stdout = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            string output = (stdout + stderr.Result).Trim();
            if (process.ExitCode != 0)
                throw new SiteBuildException($"`{program} {string.Join(' ', arguments)}` (in {directory}) exited with code {process.ExitCode}:\n{output}");
            return output;
        }
    }
}
