using System.Text.Json.Nodes;
using NuGet.Versioning;

namespace Book.Engine.Packages;

/// <summary>
/// The NuGet packages the running book tool was built with (TorchSharp-cpu, Plotly.NET, Microsoft.Data.Analysis,
/// .NET Interactive's formatter and what they depend on), read from the host's <c>.deps.json</c>. They are
/// loaded already, so a cell's <c>#r "nuget: …"</c> for one of them is answered with the version in use
/// instead of a restore: one process cannot load two versions of an assembly.
/// </summary>
public sealed class BookPackages
{
    /// <summary>
    /// Packages that stand for one the book has: TorchSharp's other backends are the same API over another
    /// libtorch (the book uses its CPU build; `-p:TorchBackend=cuda` builds the book for a GPU).
    /// </summary>
    static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["TorchSharp-cuda-linux"] = "TorchSharp-cpu",
        ["TorchSharp-cuda-windows"] = "TorchSharp-cpu",
        ["TorchSharp-cpu"] = "TorchSharp-cpu",
    };

    readonly Dictionary<string, BookPackage> packages;

    BookPackages(Dictionary<string, BookPackage> packages) => this.packages = packages;

    /// <summary>
    /// The packages of this process: those its .deps.json files list (the host's, and any other in its folder, as
    /// a test host has); empty when there are none.
    /// </summary>
    public static BookPackages Current { get; } = Read(
        ((AppContext.GetData("APP_CONTEXT_DEPS_FILES") as string) ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Concat(Directory.GetFiles(AppContext.BaseDirectory, "*.deps.json")).Where(File.Exists).Select(Path.GetFullPath).Distinct());

    /// <summary>The book's package that answers a request for <paramref name="name"/>, or null when the book has none.</summary>
    public BookPackage? Find(string name)
    {
        if (Aliases.TryGetValue(name, out var alias) && packages.TryGetValue(alias, out var aliased)) return aliased;
        return packages.GetValueOrDefault(name);
    }

    static BookPackages Read(IEnumerable<string> depsFiles)
    {
        var found = new Dictionary<string, BookPackage>(StringComparer.OrdinalIgnoreCase);
        foreach (string file in depsFiles)
        {
            var deps = JsonNode.Parse(File.ReadAllText(file))!;
            string? target = (string?)deps["runtimeTarget"]?["name"];
            var assets = target is null ? null : deps["targets"]?[target]?.AsObject();
            foreach (var (key, library) in deps["libraries"]?.AsObject() ?? [])
            {
                string[] parts = key.Split('/', 2);
                if ((string?)library?["type"] != "package" || parts.Length != 2 || !NuGetVersion.TryParse(parts[1], out var version)) continue;
                var runtime = assets?[key]?["runtime"]?.AsObject().Select(asset => Path.GetFileName(asset.Key)).ToList() ?? [];
                found.TryAdd(parts[0], new BookPackage(parts[0], version, runtime));
            }
        }
        return new BookPackages(found);
    }
}

/// <summary>A package the book tool carries: its id, version and the file names of its runtime assemblies.</summary>
public sealed record BookPackage(string Name, NuGetVersion Version, IReadOnlyList<string> Assemblies)
{
    /// <summary>
    /// True when <paramref name="requested"/> (a version, a range such as <c>[1.0,2.0)</c> or a floating
    /// version such as <c>0.105.*</c>; null for any) accepts this package's version, as NuGet would.
    /// A bare version is a minimum, as in a PackageReference.
    /// </summary>
    public bool Accepts(string? requested, out string meaning)
    {
        if (requested is null)
        {
            meaning = "any version";
            return true;
        }
        if (!VersionRange.TryParse(requested, allowFloating: true, out var range))
            throw new FormatException($"expected a NuGet version or version range, found '{requested}'");
        meaning = range.Float is not null ? $"{requested} (the latest matching version)" : range.PrettyPrint();
        return range.Satisfies(Version) && (range.Float is null || range.Float.Satisfies(Version));
    }
}
