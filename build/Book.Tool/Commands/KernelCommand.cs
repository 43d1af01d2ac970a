using Book.Engine.Chapters;
using Book.Engine.Notebooks;
using Book.Kernel;
using Book.Kernel.Connection;
using Book.Kernel.Install;

namespace Book.Tool.Commands;

/// <summary>
/// <c>book kernel -f FILE</c> (or <c>--connection-file FILE</c>): serves a Jupyter front end, which starts it
/// from the kernelspec. <c>book kernel install [--user]</c>: writes that kernelspec for this user.
/// </summary>
public static class KernelCommand
{
    /// <summary>Runs the command; returns the process exit code.</summary>
    public static int Run(IReadOnlyList<string> args) => args switch
    {
        ["install"] or ["install", "--user"] => Install(),
        ["-f" or "--connection-file", var file] => Serve(file),
        _ => throw new BookException($"`book kernel` expects `-f CONNECTION_FILE` or `install [--user]`, got `{string.Join(" ", args)}`."),
    };

    static int Install()
    {
        string folder = KernelSpec.Install(JupyterDataDirectory.UserKernels(), typeof(KernelCommand).Assembly.Location);
        Console.WriteLine($"Installed the Jupyter kernel \"{Notebook.KernelDisplayName}\" in {folder}.");
        Console.WriteLine($"In VS Code (with the Jupyter extension), open a chapter and pick the kernel \"{Notebook.KernelDisplayName}\".");
        return 0;
    }

    static int Serve(string connectionFile) => JupyterKernel.Run(ConnectionInfo.Load(connectionFile), Console.Error);
}
