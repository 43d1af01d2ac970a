using System.Runtime.InteropServices;

namespace Book.Runtime;

/// <summary>
/// Which CPU kernels libtorch runs on this machine — "DEFAULT", "AVX2" or "AVX512" on x86-64, what PyTorch's
/// <c>torch.backends.cpu.get_cpu_capability()</c> says. libtorch picks the best the processor has; the
/// environment variable <c>ATEN_CPU_CAPABILITY</c> (default | avx2 | avx512), read once at its first
/// operation, overrides it. The last digits of float results depend on it, which is why chapters print
/// only what is the same under every capability (chapters/README.md, "Portable outputs").
/// </summary>
public static class CpuCapability
{
    /// <summary>The capability in effect in this process, or "unknown" where libtorch does not say (not Linux with libstdc++).</summary>
    public static string Current => current.Value;

    static readonly Lazy<string> current = new(Query);

    // std::string at::get_cpu_capability() (libstdc++'s new ABI): the result is returned through a hidden
    // pointer to a 32-byte std::string { char* data; size_t size; char local[16] }. The names are short, so
    // they live in the local buffer and nothing needs freeing.
    const string Export = "_ZN2at18get_cpu_capabilityB5cxx11Ev";

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    delegate void GetCapability(IntPtr result);

    static string Query()
    {
        TorchNatives.EnsureLoaded();
        if (!OperatingSystem.IsLinux() || !NativeLibrary.TryLoad("torch_cpu", typeof(TorchSharp.torch).Assembly, null, out var library)
            || !NativeLibrary.TryGetExport(library, Export, out var function))
            return "unknown";
        IntPtr text = Marshal.AllocHGlobal(32);
        try
        {
            Marshal.GetDelegateForFunctionPointer<GetCapability>(function)(text);
            long length = Marshal.ReadInt64(text, 8);
            return length is > 0 and < 16 ? Marshal.PtrToStringAnsi(Marshal.ReadIntPtr(text), (int)length) : "unknown";
        }
        finally
        {
            Marshal.FreeHGlobal(text);
        }
    }
}
