using System.Text.Json;
using System.Text.Json.Nodes;
using Book.Engine.Notebooks;
using Book.Engine.Packages;
using Book.Runtime;

namespace Book.Kernel.Install;

/// <summary>
/// The kernelspec that lets Jupyter front ends (VS Code, JupyterLab, nbclient) start the book's kernel:
/// <c>kernels/book-csharp/kernel.json</c> with argv = [dotnet, book.dll, "kernel", "-f", "{connection_file}"].
/// Interrupts arrive as interrupt_request messages, which work on every operating system.
/// </summary>
public static class KernelSpec
{
    /// <summary>Writes the kernelspec into <paramref name="kernelsDirectory"/>; returns the kernel's folder.</summary>
    /// <param name="bookDll">The path of the book tool's <c>book.dll</c> that serves <c>book kernel</c>.</param>
    public static string Install(string kernelsDirectory, string bookDll)
    {
        string folder = Path.Combine(kernelsDirectory, Notebook.KernelName);
        var spec = new JsonObject
        {
            ["argv"] = new JsonArray(DotnetHost.Path, Path.GetFullPath(bookDll), "kernel", "-f", "{connection_file}"),
            ["display_name"] = Notebook.KernelDisplayName,
            ["language"] = Notebook.Language,
            ["interrupt_mode"] = "message",
            ["metadata"] = new JsonObject { ["debugger"] = false },
        };
        AtomicFile.WriteText(Path.Combine(folder, "kernel.json"), spec.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        return folder;
    }
}
