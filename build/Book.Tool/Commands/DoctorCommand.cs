using Book.Runtime;
using static TorchSharp.torch;

namespace Book.Tool.Commands;

/// <summary><c>book doctor</c>: says what works on this machine and what to do about what does not.</summary>
public static class DoctorCommand
{
    /// <summary>Prints one line per check; exit code 1 when TorchSharp cannot compute.</summary>
    public static int Run()
    {
        Console.WriteLine($".NET {Environment.Version} on {System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier}");
        string native = Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "LibTorchSharp.dll" : "libLibTorchSharp.so");
        Console.WriteLine(File.Exists(native) ? $"TorchSharp natives: {native}" : $"TorchSharp natives: missing beside the tool ({native}); rebuild with `dotnet build build/Book.Tool`.");
        try
        {
            using var sum = ones(3).sum();
            Console.WriteLine($"TorchSharp computes: ones(3).sum() = {sum.item<float>()}; device {Devices.Describe()}");
            string? requested = Environment.GetEnvironmentVariable("ATEN_CPU_CAPABILITY");
            Console.WriteLine($"CPU kernels: {CpuCapability.Current} ({(string.IsNullOrEmpty(requested) ? "this processor's best; ATEN_CPU_CAPABILITY=default|avx2|avx512 overrides it" : $"ATEN_CPU_CAPABILITY={requested}")})");
        }
        catch (Exception e)
        {
            Console.WriteLine($"TorchSharp fails to load: {e.InnerException?.Message ?? e.Message}");
            Console.WriteLine("  On Debian 12 / Ubuntu 22.04 the build marks GLIBCXX_3.4.32 weak in the output copy; see README, Troubleshooting.");
            return 1;
        }
        foreach (var tool in new[] { "mkdocs", "node", "chromium" })
            Console.WriteLine($"{tool}: {(OnPath(tool) ? "found" : "not found (./book build installs it)")}");
        return 0;
    }

    static bool OnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Any(dir => File.Exists(Path.Combine(dir, name)));
}
