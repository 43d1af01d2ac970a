using TorchSharp;
using static TorchSharp.torch;

namespace Book.Runtime;

/// <summary>
/// Chooses where tensors live: CUDA when a GPU and the CUDA backend are present, otherwise the CPU.
/// The choice is made once and reported, so a chapter's first output says where it ran.
/// Set the environment variable <c>BOOK_DEVICE=cpu</c> to force the CPU on a GPU machine.
/// </summary>
public static class Devices
{
    static Device? chosen;

    /// <summary>The device every chapter and the trainer use.</summary>
    public static Device Default => chosen ??= Choose(Environment.GetEnvironmentVariable("BOOK_DEVICE"));

    /// <summary>Picks a device from a request ("cpu", "cuda" or null for automatic).</summary>
    public static Device Choose(string? request) => request?.Trim().ToLowerInvariant() switch
    {
        null or "" or "auto" => cuda.is_available() ? CUDA : CPU,
        "cpu" => CPU,
        "cuda" when cuda.is_available() => CUDA,
        "cuda" => throw new InvalidOperationException(
            "BOOK_DEVICE=cuda was requested but CUDA is not available: build with -p:TorchBackend=cuda on a machine with an NVIDIA GPU."),
        var other => throw new ArgumentException($"Expected BOOK_DEVICE to be 'cpu', 'cuda' or 'auto', got '{other}'."),
    };

    /// <summary>A one-line description, e.g. "cpu (1 thread, TorchSharp 0.107.0)".</summary>
    public static string Describe()
    {
        var device = Default;
        var version = typeof(TorchSharp.torch).Assembly.GetName().Version;
        string where = device.type == DeviceType.CUDA ? $"cuda ({cuda.device_count()} GPU)" : $"cpu ({get_num_threads()} thread{(get_num_threads() == 1 ? "" : "s")})";
        return $"{where}, TorchSharp {version?.ToString(3)}";
    }
}
