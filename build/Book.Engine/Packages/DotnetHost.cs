namespace Book.Engine.Packages;

/// <summary>The <c>dotnet</c> executable that runs the book's tool, its kernel and the package restores of cells.</summary>
public static class DotnetHost
{
    /// <summary>The dotnet running this process, else the one the SDK names in DOTNET_HOST_PATH, else "dotnet" from PATH.</summary>
    public static string Path
    {
        get
        {
            string? process = Environment.ProcessPath;
            if (process is not null && System.IO.Path.GetFileNameWithoutExtension(process) == "dotnet") return process;
            return Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        }
    }
}
