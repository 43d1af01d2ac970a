using System.Reflection;
using System.Runtime.InteropServices;

namespace Book.Engine.Packages;

/// <summary>
/// Lets assemblies of restored packages find their native libraries (<c>runtimes/RID/native</c> in the NuGet
/// cache), as an application's own folder would hold them: each such assembly, when it loads, gets a
/// <see cref="NativeLibrary"/> resolver that looks in the native folders of the packages restored so far.
/// </summary>
public static class NativeLibraryPaths
{
    static readonly object gate = new();
    static readonly List<string> folders = [];
    static readonly List<string> packageRoots = [];
    static bool hooked;

    /// <summary>Adds a native library's folder and the package folder whose assemblies may load it.</summary>
    public static void Add(string nativeFolder, string packageRoot)
    {
        lock (gate)
        {
            if (!folders.Contains(nativeFolder)) folders.Add(nativeFolder);
            if (!packageRoots.Contains(packageRoot)) packageRoots.Add(packageRoot);
            if (hooked) return;
            AppDomain.CurrentDomain.AssemblyLoad += (_, loaded) => Hook(loaded.LoadedAssembly);
            hooked = true;
        }
    }

    static void Hook(Assembly assembly)
    {
        if (assembly.IsDynamic || string.IsNullOrEmpty(assembly.Location)) return;
        lock (gate)
            if (!packageRoots.Any(root => assembly.Location.StartsWith(root, StringComparison.Ordinal))) return;
        try { NativeLibrary.SetDllImportResolver(assembly, Resolve); }
        catch (InvalidOperationException) { } // the assembly set its own resolver
    }

    static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
    {
        string[] candidates = [name, $"lib{name}.so", $"{name}.so", $"{name}.dll", $"lib{name}.dylib", $"{name}.dylib"];
        lock (gate)
            foreach (string folder in folders)
                foreach (string candidate in candidates)
                    if (NativeLibrary.TryLoad(Path.Combine(folder, candidate), out var handle)) return handle;
        return IntPtr.Zero;
    }
}
