using System.Text.Json.Nodes;
using Book.Kernel.Install;

namespace Book.Bench;

/// <summary>
/// The kernel as VS Code sees it: Debian's jupyter_client (python/kernel_round_trip.py) starts
/// <c>book kernel</c> from a kernelspec in a temporary Jupyter folder and times trivial cells from
/// execute_request to the kernel's idle status.
/// </summary>
/// <param name="StartSeconds">From starting the process to the kernel_info reply.</param>
sealed record KernelRoundTrip(double StartSeconds, IReadOnlyList<double> RoundTrips)
{
    /// <summary>Runs the client against the book.dll beside this program.</summary>
    public static KernelRoundTrip Measure(string script, int cells)
    {
        var folder = Directory.CreateTempSubdirectory("book-bench-kernel-");
        try
        {
            KernelSpec.Install(Path.Combine(folder.FullName, "kernels"), Path.Combine(AppContext.BaseDirectory, "book.dll"));
            var environment = new Dictionary<string, string>
            {
                ["JUPYTER_PATH"] = folder.FullName,
                ["JUPYTER_DATA_DIR"] = folder.FullName,
                ["JUPYTER_RUNTIME_DIR"] = Path.Combine(folder.FullName, "runtime"),
                ["JUPYTER_CONFIG_DIR"] = Path.Combine(folder.FullName, "config"),
                ["BOOK_CACHE"] = Path.Combine(folder.FullName, "cache"),
                ["PYTHONDONTWRITEBYTECODE"] = "1",
            };
            var run = ChildProcess.Run(ChildProcess.Python, [script, cells.ToString(System.Globalization.CultureInfo.InvariantCulture)],
                TimeSpan.FromMinutes(10), environment).Succeeded("The kernel round-trip client (python3 with jupyter_client, from .ci/install)");
            var json = JsonNode.Parse(run.Output.Trim().Split('\n')[^1])!;
            return new KernelRoundTrip(json["start_s"]!.GetValue<double>(),
                json["round_trips_s"]!.AsArray().Select(t => t!.GetValue<double>()).ToList());
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
