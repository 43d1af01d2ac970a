namespace Book.Kernel.Install;

/// <summary>Where Jupyter looks for a user's kernelspecs, as jupyter_core decides it.</summary>
public static class JupyterDataDirectory
{
    /// <summary>
    /// $JUPYTER_DATA_DIR/kernels when set; otherwise ~/.local/share/jupyter/kernels on Linux ($XDG_DATA_HOME
    /// honoured), ~/Library/Jupyter/kernels on macOS, %APPDATA%\jupyter\kernels on Windows.
    /// </summary>
    public static string UserKernels()
    {
        if (Environment.GetEnvironmentVariable("JUPYTER_DATA_DIR") is { Length: > 0 } configured)
            return Path.Combine(configured, "kernels");
        string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (OperatingSystem.IsWindows())
            return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData), "jupyter", "kernels");
        if (OperatingSystem.IsMacOS())
            return Path.Combine(home, "Library", "Jupyter", "kernels");
        string data = Environment.GetEnvironmentVariable("XDG_DATA_HOME") is { Length: > 0 } xdg ? xdg : Path.Combine(home, ".local", "share");
        return Path.Combine(data, "jupyter", "kernels");
    }
}
