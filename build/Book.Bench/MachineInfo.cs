using System.Reflection;
using static TorchSharp.torch;

namespace Book.Bench;

/// <summary>What the figures were measured on: date, processor, cores, load, libtorch's CPU kernels, versions, GPU.</summary>
sealed record MachineInfo(DateTime Date, string CpuModel, int Cores, double LoadAverage, string CpuCapability,
    string DotNet, string TorchSharp, string Gpu)
{
    /// <summary>This machine, now.</summary>
    public static MachineInfo Now()
    {
        var cpuinfo = File.Exists("/proc/cpuinfo") ? File.ReadAllLines("/proc/cpuinfo") : [];
        string model = Field(cpuinfo, "model name") ?? System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture.ToString();
        var flags = (Field(cpuinfo, "flags") ?? "").Split(' ').ToHashSet();
        double load = File.Exists("/proc/loadavg")
            ? double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) : double.NaN;
        string torchSharp = typeof(TorchSharp.torch).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
                            ?? typeof(TorchSharp.torch).Assembly.GetName().Version?.ToString() ?? "?";
        return new MachineInfo(DateTime.UtcNow, model, Environment.ProcessorCount, load, Capability(flags),
            Environment.Version.ToString(), torchSharp.Split('+')[0],
            cuda.is_available() ? $"CUDA, {cuda.device_count()} device(s) (the figures here are CPU figures)"
                : "none on this machine: every figure is a CPU figure, and the GPU path is not measured");
    }

    /// <summary>
    /// The CPU kernels libtorch dispatches to: <c>ATEN_CPU_CAPABILITY</c> when set, otherwise the best the
    /// processor supports (avx512 needs AVX-512 F, BW, VL and DQ; avx2 needs AVX2 and FMA), as libtorch decides.
    /// </summary>
    static string Capability(IReadOnlySet<string> flags)
    {
        string? forced = Environment.GetEnvironmentVariable("ATEN_CPU_CAPABILITY");
        if (!string.IsNullOrEmpty(forced)) return $"{forced} (ATEN_CPU_CAPABILITY)";
        if (new[] { "avx512f", "avx512bw", "avx512vl", "avx512dq" }.All(flags.Contains)) return "avx512 (the processor's best)";
        if (flags.Contains("avx2") && flags.Contains("fma")) return "avx2 (the processor's best)";
        return "default";
    }

    static string? Field(IEnumerable<string> cpuinfo, string name) =>
        cpuinfo.Where(l => l.StartsWith(name, StringComparison.Ordinal)).Select(l => l[(l.IndexOf(':') + 1)..].Trim()).FirstOrDefault();
}
