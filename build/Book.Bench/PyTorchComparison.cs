using System.Globalization;
using System.Text.Json.Nodes;

namespace Book.Bench;

/// <summary>
/// The book's MLP and CNN in PyTorch — what a learner would otherwise pick — trained by the same hand-written
/// loop on the same images, seed and thread count (python/pytorch_models.py). The PyTorch reachable here is
/// Debian's <c>python3-torch</c> 1.13, which calls the generic <c>libblas.so.3</c>: netlib's reference BLAS
/// unless <c>libopenblas0-pthread</c> is installed (<c>.ci/install</c> installs it). OpenBLAS is held to one
/// thread too (<c>OPENBLAS_NUM_THREADS=1</c>).
/// </summary>
/// <param name="Blas">The BLAS libraries the Python process loaded.</param>
/// <param name="Seconds">Per model ("mlp", "cnn"): seconds per epoch of each run.</param>
sealed record PyTorchComparison(string Version, string Blas, IReadOnlyDictionary<string, IReadOnlyList<double>> Seconds)
{
    /// <summary>The reference BLAS of Debian's libblas3, which the generic libblas.so.3 is unless an alternative replaces it.</summary>
    public const string ReferenceBlas = "/usr/lib/x86_64-linux-gnu/blas/libblas.so.3";

    /// <summary>Runs the script; with <paramref name="referenceBlas"/>, forces netlib's BLAS through LD_LIBRARY_PATH.</summary>
    public static PyTorchComparison Measure(string script, string datasets, BenchSize size, int runs, bool referenceBlas = false)
    {
        var folder = Directory.CreateTempSubdirectory("book-bench-blas-");
        try
        {
            var environment = new Dictionary<string, string> { ["OPENBLAS_NUM_THREADS"] = "1", ["OMP_NUM_THREADS"] = "1" };
            if (referenceBlas)
            {
                File.CreateSymbolicLink(Path.Combine(folder.FullName, "libblas.so.3"), ReferenceBlas);
                environment["LD_LIBRARY_PATH"] = folder.FullName;
            }
            var invariant = CultureInfo.InvariantCulture;
            var run = ChildProcess.Run(ChildProcess.Python,
                    [script, datasets, size.Images.ToString(invariant), size.Epochs.ToString(invariant), runs.ToString(invariant)],
                    TimeSpan.FromMinutes(30), environment)
                .Succeeded("PyTorch (python3-torch, from .ci/install)");
            var json = JsonNode.Parse(run.Output.Trim().Split('\n')[^1])!;
            var blas = json["blas"]!.AsArray().Select(b => b!.GetValue<string>()).ToList();
            return new PyTorchComparison(json["torch"]!.GetValue<string>(),
                blas.Count == 0 ? "none found in the process" : string.Join(", ", blas.Select(Describe)),
                new[] { "mlp", "cnn" }.ToDictionary(m => m,
                    m => (IReadOnlyList<double>)json[m]!.AsArray().Select(t => t!.GetValue<double>()).ToList()));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Whether netlib's reference BLAS is installed but libblas.so.3 resolves to another one (OpenBLAS).</summary>
    public static bool ReferenceBlasIsAlternative
    {
        get
        {
            const string generic = "/usr/lib/x86_64-linux-gnu/libblas.so.3";
            if (!File.Exists(ReferenceBlas) || !File.Exists(generic)) return false;
            return (new FileInfo(generic).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? generic) != ReferenceBlas;
        }
    }

    static string Describe(string path) =>
        path.Contains("openblas", StringComparison.OrdinalIgnoreCase) ? $"OpenBLAS ({path})"
        : path == ReferenceBlas ? $"netlib reference BLAS ({path})" : path;
}
