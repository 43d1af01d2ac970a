using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Book.Runtime;

namespace Book.Engine.Packages;

/// <summary>A package a cell asked for: its id and, if given, a version or NuGet version range.</summary>
public sealed record PackageRequest(string Name, string? Version);

/// <summary>An assembly or native library of a restored package, in the NuGet global packages folder.</summary>
public sealed record RestoredFile(string Package, string Version, string Path, bool IsNative);

/// <summary>
/// Restores packages as .NET Interactive did, with the .NET SDK itself: it writes a small project that references
/// them (for this runtime and platform) into the book's cache, and runs <c>dotnet msbuild -restore</c> on it, which
/// downloads them with their dependencies from the NuGet sources configured for the notebook's folder (its
/// <c>nuget.config</c> files and the user's) plus the cell's <c>#i</c> sources, into the NuGet global packages
/// folder, and resolves the assemblies to load (conflicts settled, framework-provided packages left out). The
/// answer is cached per project: running the notebook again costs no restore. Progress lines (downloads,
/// installs) are reported as they come; cancelling kills the restore.
/// </summary>
public static class PackageRestore
{
    /// <summary>Restores <paramref name="packages"/>; throws <see cref="PackageRestoreException"/> with NuGet's errors when it fails.</summary>
    /// <param name="sources">Extra sources (<c>#i</c>): feed URLs or absolute folder paths.</param>
    /// <param name="configRoot">The folder whose nuget.config files (and those above it) configure the sources: the notebook's.</param>
    /// <param name="progress">Receives NuGet's progress lines.</param>
    public static async Task<IReadOnlyList<RestoredFile>> RestoreAsync(IReadOnlyList<PackageRequest> packages, IReadOnlyList<string> sources,
        string configRoot, Action<string> progress, CancellationToken cancellation)
    {
        string project = Project(packages, sources).ToString();
        string folder = Path.Combine(BookCache.Folder, "packages", Hash(project + "\n" + configRoot));
        string answer = Path.Combine(folder, "resolved.json");
        if (File.Exists(answer) && Read(answer) is { } cached && cached.All(file => File.Exists(file.Path))) return cached;

        Directory.CreateDirectory(folder);
        AtomicFile.WriteText(Path.Combine(folder, "restore.csproj"), project);
        string result = Path.Combine(folder, $"result-{Environment.ProcessId}.json");
        var (exitCode, log) = await RunMsbuildAsync(folder, configRoot, result, progress, cancellation);
        if (exitCode != 0 || !File.Exists(result))
            throw new PackageRestoreException(packages, sources, configRoot, log.Where(IsError).Distinct().ToList());
        File.Move(result, answer, overwrite: true);
        return Read(answer) ?? [];
    }

    /// <summary>
    /// A project for this runtime (net10.0, this machine's RID) that references the packages and copies their
    /// assemblies locally, so that <c>ResolveReferences</c> lists them; nothing from folders above is imported.
    /// </summary>
    static XElement Project(IReadOnlyList<PackageRequest> packages, IReadOnlyList<string> sources) =>
        new("Project", new XAttribute("Sdk", "Microsoft.NET.Sdk"),
            new XElement("PropertyGroup",
                new XElement("TargetFramework", $"net{Environment.Version.Major}.{Environment.Version.Minor}"),
                new XElement("RuntimeIdentifier", System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier),
                new XElement("SelfContained", "false"),
                new XElement("UseAppHost", "false"),
                new XElement("CopyLocalLockFileAssemblies", "true"),
                new XElement("ImportDirectoryBuildProps", "false"),
                new XElement("ImportDirectoryBuildTargets", "false"),
                new XElement("ImportDirectoryPackagesProps", "false"),
                new XElement("ManagePackageVersionsCentrally", "false"),
                new XElement("RestoreAdditionalProjectSources", string.Join(";", sources))),
            new XElement("ItemGroup", packages.Select(p =>
                new XElement("PackageReference", new XAttribute("Include", p.Name), new XAttribute("Version", p.Version ?? "*")))));

    static async Task<(int ExitCode, List<string> Log)> RunMsbuildAsync(string folder, string configRoot, string result,
        Action<string> progress, CancellationToken cancellation)
    {
        var start = new ProcessStartInfo(DotnetHost.Path)
        {
            WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (string argument in new[]
                 {
                     "msbuild", "restore.csproj", "-restore", "-t:ResolveReferences", "-nologo", "-v:n", "-nodeReuse:false",
                     $"-p:RestoreRootConfigDirectory={configRoot}", "-getItem:ReferenceCopyLocalPaths", "-getItem:NativeCopyLocalItems",
                     $"-getResultOutputFile:{result}",
                 })
            start.ArgumentList.Add(argument);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        // A host started by MSBuild or `dotnet test` passes its SDK's locations on; the restore finds its own.
        foreach (string inherited in new[] { "MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBUILD_EXE_PATH", "MSBuildLoadMicrosoftTargetsReadOnly" })
            start.Environment.Remove(inherited);

        var log = new List<string>();
        using var process = new Process { StartInfo = start };
        void Receive(string? line)
        {
            if (string.IsNullOrWhiteSpace(line)) return;
            lock (log) log.Add(line.Trim());
            if (IsProgress(line)) progress(line.Trim());
        }
        process.OutputDataReceived += (_, e) => Receive(e.Data);
        process.ErrorDataReceived += (_, e) => Receive(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await process.WaitForExitAsync(cancellation);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        lock (log) return (process.ExitCode, log.ToList());
    }

    static bool IsProgress(string line)
    {
        string text = line.TrimStart();
        return text.StartsWith("GET ", StringComparison.Ordinal) || text.StartsWith("Installed ", StringComparison.Ordinal)
            || text.StartsWith("Restored ", StringComparison.Ordinal) || IsError(text);
    }

    static bool IsError(string line) => line.Contains(": error ", StringComparison.Ordinal);

    /// <summary>The assemblies and native libraries of the result file msbuild wrote; null when it cannot be read.</summary>
    static List<RestoredFile>? Read(string file)
    {
        try
        {
            var items = JsonNode.Parse(File.ReadAllText(file))?["Items"];
            IEnumerable<RestoredFile> Files(string name, bool native) =>
                (items?[name]?.AsArray() ?? []).OfType<JsonObject>()
                    .Where(item => native || ((string?)item["AssetType"] == "runtime" && ((string?)item["Identity"])?.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) == true))
                    .Select(item => new RestoredFile((string?)item["NuGetPackageId"] ?? "", (string?)item["NuGetPackageVersion"] ?? "",
                        (string?)item["FullPath"] ?? (string)item["Identity"]!, native));
            return Files("ReferenceCopyLocalPaths", native: false).Concat(Files("NativeCopyLocalItems", native: true)).ToList();
        }
        catch (Exception e) when (e is IOException or System.Text.Json.JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
}

/// <summary>A restore that failed: names the packages, the sources tried and NuGet's own errors.</summary>
public sealed class PackageRestoreException(IReadOnlyList<PackageRequest> packages, IReadOnlyList<string> sources, string configRoot,
    IReadOnlyList<string> errors)
    : Exception(Describe(packages, sources, configRoot, errors))
{
    static string Describe(IReadOnlyList<PackageRequest> packages, IReadOnlyList<string> sources, string configRoot, IReadOnlyList<string> errors)
    {
        string asked = string.Join(", ", packages.Select(p => p.Version is null ? p.Name : $"{p.Name} {p.Version}"));
        string tried = $"the NuGet sources configured for {configRoot} (its nuget.config files and the user's)"
                       + (sources.Count > 0 ? $" and #i {string.Join(", ", sources)}" : "");
        string nuget = errors.Count > 0
            ? string.Join("\n", errors.Select(e => "  " + e[(e.IndexOf(": error ", StringComparison.Ordinal) is int at and >= 0 ? at + 2 : 0)..]))
            : "  (NuGet gave no error message)";
        return $"could not restore {asked} from {tried}:\n{nuget}";
    }
}
