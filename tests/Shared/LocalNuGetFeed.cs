using System.Text;

namespace Book.Tests.Support;

/// <summary>
/// A NuGet feed in a temporary folder, made with `dotnet pack` from tiny libraries written here:
/// Book.Tests.Words 1.0.0 and Book.Tests.Greeting 1.0.0, which depends on it; and Units.dll, whose package the
/// notebooks do not use: they reference the library itself (<c>#r "libs/Units.dll"</c>). <see cref="NotebookFolder"/> lays a Polyglot-style notebook of
/// tests/Shared/Polyglot beside a copy of the feed (<c>local-feed/</c>), with a nuget.config that clears every
/// other source, so restores need no network. Processes given <see cref="Environment"/> restore into a private
/// NuGet packages folder and book cache: every test run restores from the feed, and the user's caches stay untouched.
/// Shared by the test projects that run such notebooks (linked from tests/Shared).
/// </summary>
public sealed class LocalNuGetFeed : IDisposable
{
    readonly string folder = Directory.CreateTempSubdirectory("book-polyglot-feed-").FullName;

    public LocalNuGetFeed()
    {
        string sources = Path.Combine(folder, "src");
        Library(sources, "Words", "Book.Tests.Words", "", "namespace Book.Tests.Words;\n\npublic static class Vocabulary\n{\n    public static string Hello => \"hello\";\n}\n");
        Library(sources, "Greeting", "Book.Tests.Greeting", "<ItemGroup><ProjectReference Include=\"../Words/Words.csproj\" /></ItemGroup>",
            "namespace Book.Tests.Greeting;\n\npublic static class Greeter\n{\n    public static string Greet(string name) => Book.Tests.Words.Vocabulary.Hello + \", \" + name;\n}\n");
        Library(sources, "Units", "Book.Tests.Units", "",
            "namespace Units;\n\npublic static class Length\n{\n    public static double FeetFromMeters(double meters) => meters / 0.3048;\n}\n");
        File.WriteAllText(Path.Combine(sources, "feed.slnx"),
            "<Solution>\n  <Project Path=\"Words/Words.csproj\" />\n  <Project Path=\"Greeting/Greeting.csproj\" />\n  <Project Path=\"Units/Units.csproj\" />\n</Solution>\n");
        var (exitCode, output) = ProcessRunner.Run("dotnet", ["pack", "feed.slnx", "-c", "Release", "-o", Feed], sources, TimeSpan.FromMinutes(8),
            new Dictionary<string, string?> { ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1", ["DOTNET_NOLOGO"] = "1" });
        if (exitCode != 0) throw new InvalidOperationException($"Expected `dotnet pack` to build the test feed, it failed:\n{output}");
        UnitsDll = Path.Combine(sources, "Units", "bin", "Release", "net10.0", "Units.dll");
    }

    /// <summary>The folder holding Book.Tests.Words.1.0.0.nupkg and Book.Tests.Greeting.1.0.0.nupkg.</summary>
    public string Feed => Path.Combine(folder, "feed");

    /// <summary>Units.dll, as built.</summary>
    public string UnitsDll { get; }

    /// <summary>NUGET_PACKAGES and BOOK_CACHE in this feed's folder, for the processes that run the notebooks.</summary>
    public IReadOnlyDictionary<string, string?> Environment => new Dictionary<string, string?>
    {
        ["NUGET_PACKAGES"] = Path.Combine(folder, "packages"),
        ["BOOK_CACHE"] = Path.Combine(folder, "cache"),
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
    };

    /// <summary>
    /// A new folder holding a copy of <paramref name="notebook"/> (a file of tests/Shared/Polyglot), the feed as
    /// local-feed/, Units.dll as libs/Units.dll and a nuget.config that clears every source; returns the notebook's path.
    /// </summary>
    public string NotebookFolder(string repositoryRoot, string notebook)
    {
        string target = Directory.CreateDirectory(Path.Combine(folder, "notebook-" + Guid.NewGuid().ToString("N")[..8])).FullName;
        File.Copy(Path.Combine(repositoryRoot, "tests", "Shared", "Polyglot", notebook), Path.Combine(target, notebook));
        Directory.CreateDirectory(Path.Combine(target, "local-feed"));
        foreach (string package in Directory.GetFiles(Feed, "*.nupkg"))
            File.Copy(package, Path.Combine(target, "local-feed", Path.GetFileName(package)));
        Directory.CreateDirectory(Path.Combine(target, "libs"));
        File.Copy(UnitsDll, Path.Combine(target, "libs", "Units.dll"));
        File.WriteAllText(Path.Combine(target, "nuget.config"),
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<configuration>\n  <packageSources>\n    <clear />\n  </packageSources>\n</configuration>\n");
        return Path.Combine(target, notebook);
    }

    static void Library(string sources, string name, string packageId, string extraItems, string code)
    {
        string project = Path.Combine(sources, name);
        Directory.CreateDirectory(project);
        var csproj = new StringBuilder("<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n    <TargetFramework>net10.0</TargetFramework>\n");
        csproj.Append($"    <PackageId>{packageId}</PackageId>\n    <Version>1.0.0</Version>\n    <Authors>book tests</Authors>\n    <Description>A package for the book's tests.</Description>\n");
        csproj.Append("  </PropertyGroup>\n  ").Append(extraItems).Append("\n</Project>\n");
        File.WriteAllText(Path.Combine(project, name + ".csproj"), csproj.ToString());
        File.WriteAllText(Path.Combine(project, name + ".cs"), code);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
