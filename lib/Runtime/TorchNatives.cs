using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Book.Runtime;

/// <summary>
/// Loads TorchSharp's native library from beside TorchSharp.dll before TorchSharp itself tries. When that
/// load fails, TorchSharp falls back to copying every libtorch native it finds in the NuGet cache (about
/// 480 MB) into a <c>cpu/</c> folder beside itself and loading that copy — which, unpatched, fails for the same
/// reason (README, Troubleshooting). The book never lets that happen: a library that is there but cannot load
/// stops the program at once, naming the file and the loader's reason. (Hosts whose natives are found through
/// their deps.json, not beside TorchSharp.dll, are left to TorchSharp.)
/// </summary>
public static class TorchNatives
{
    /// <summary>Runs when the library is first used, before any of its code can touch TorchSharp.</summary>
    [ModuleInitializer]
    [SuppressMessage("Usage", "CA2255", Justification = "It must run before any host's first TorchSharp call, whichever host that is.")]
    internal static void LoadBeforeTorchSharp() => EnsureLoaded();

    /// <summary>The native library TorchSharp loads, beside TorchSharp.dll.</summary>
    public static string Path => System.IO.Path.Combine(System.IO.Path.GetDirectoryName(typeof(TorchSharp.torch).Assembly.Location)!,
        OperatingSystem.IsWindows() ? "LibTorchSharp.dll" : OperatingSystem.IsMacOS() ? "libLibTorchSharp.dylib" : "libLibTorchSharp.so");

    /// <summary>Loads <see cref="Path"/> when it exists; throws <see cref="DllNotFoundException"/> saying why when it cannot be loaded.</summary>
    public static void EnsureLoaded()
    {
        if (!File.Exists(Path)) return;
        try
        {
            NativeLibrary.Load(Path);
        }
        catch (DllNotFoundException e)
        {
            throw new DllNotFoundException(
                $"TorchSharp's native library {Path} is there but cannot be loaded: {e.Message} "
                + "Rebuild (./book build, or dotnet build) so the build installs a copy that loads here; README, Troubleshooting, explains.", e);
        }
    }
}
