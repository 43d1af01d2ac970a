using System.Text.Json.Nodes;
using Book.Engine.Chapters;
using Book.Engine.Notebooks;
using Book.Tests.Support;

namespace Book.Tests;

/// <summary>TorchSharp's natives as `book run` uses them: the CPU kernels libtorch picks, and a library that cannot load.</summary>
public sealed class TorchSharpNativesTests : IDisposable
{
    readonly string folder = Directory.CreateTempSubdirectory("book-natives-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    static string Root => BookPaths.Find(AppContext.BaseDirectory).Root;

    string Notebook(string code)
    {
        string path = Path.Combine(folder, "probe.ipynb");
        File.WriteAllText(path, new JsonObject
        {
            ["nbformat"] = 4, ["nbformat_minor"] = 5, ["metadata"] = new JsonObject(),
            ["cells"] = new JsonArray(new JsonObject
            {
                ["cell_type"] = "code", ["metadata"] = new JsonObject(), ["source"] = code, ["outputs"] = new JsonArray(), ["execution_count"] = null,
            }),
        }.ToJsonString());
        return path;
    }

    static (int ExitCode, string Output) BookRun(string bookDll, string notebook, string? capability) =>
        ProcessRunner.Run("dotnet", [bookDll, "run", notebook], Root, TimeSpan.FromMinutes(5),
            new Dictionary<string, string?> { ["ATEN_CPU_CAPABILITY"] = capability });

    /// <summary>
    /// How the book checks that ATEN_CPU_CAPABILITY takes effect in TorchSharp: libtorch's own answer
    /// (at::get_cpu_capability, as PyTorch's torch.backends.cpu.get_cpu_capability) and the bits of a float32
    /// sum of 65 536 numbers, whose vectorised order of additions depends on the kernels — under
    /// "default" and under this machine's best, each in a process of its own.
    /// </summary>
    [Fact]
    public void ATEN_CPU_CAPABILITY_changes_the_kernels_libtorch_runs_and_their_last_bits()
    {
        string probe = Notebook("""
            using static TorchSharp.torch;
            manual_seed(1);
            var x = randn(1 << 16);
            Console.WriteLine(Book.Runtime.CpuCapability.Current);
            Console.WriteLine(BitConverter.SingleToInt32Bits(x.sum().item<float>()));
            """);
        string bookDll = Path.Combine(AppContext.BaseDirectory, "book.dll");

        string[] Run(string? capability)
        {
            var (exitCode, output) = BookRun(bookDll, probe, capability);
            Assert.True(exitCode == 0, output);
            return NotebookCell.JoinText(JsonNode.Parse(File.ReadAllText(probe))!["cells"]![0]!["outputs"]![0]!["text"]).Split('\n');
        }
        var portable = Run("default");
        var best = Run(null);

        Assert.Equal("DEFAULT", portable[0]);
        Assert.Contains(best[0], new[] { "DEFAULT", "AVX2", "AVX512" });
        if (best[0] != "DEFAULT") Assert.NotEqual(portable[1], best[1]); // a processor without AVX2 has only the default kernels
    }

    [Fact]
    public void A_native_library_that_cannot_load_stops_the_run_and_nothing_is_copied_beside_it()
    {
        // This test's output folder, linked file by file (hard links: no space used), with libLibTorchSharp.so broken in the copy.
        string copy = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", $"broken-natives-{Guid.NewGuid():N}"));
        try
        {
            var (linked, linkLog) = ProcessRunner.Run("cp", ["-al", AppContext.BaseDirectory, copy], Root, TimeSpan.FromMinutes(1));
            Assert.True(linked == 0, linkLog);
            string native = Path.Combine(copy, "libLibTorchSharp.so");
            File.Delete(native);
            File.WriteAllText(native, "not a shared library");

            var (exitCode, output) = BookRun(Path.Combine(copy, "book.dll"), Notebook("TorchSharp.torch.ones(3).sum()"), null);

            Assert.Equal(1, exitCode);
            Assert.Contains($"TorchSharp's native library {native} is there but cannot be loaded", output);
            Assert.False(Directory.Exists(Path.Combine(copy, "cpu")), "TorchSharp copied its natives into cpu/ beside itself");
        }
        finally
        {
            if (Directory.Exists(copy)) Directory.Delete(copy, recursive: true);
        }
    }
}
