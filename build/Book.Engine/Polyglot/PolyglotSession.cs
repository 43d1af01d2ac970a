using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;
using Book.Display;
using Book.Engine.Packages;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Scripting;
using Microsoft.DotNet.Interactive.Formatting;

namespace Book.Engine.Polyglot;

/// <summary>A cell ready to compile: its C# (directive lines blanked) and whether <c>#!time</c> asked for its wall time.</summary>
public sealed record PreparedCell(string Code, bool Timed);

/// <summary>
/// What Polyglot Notebooks did around the C# of a notebook's cells, for one engine session (a notebook run, a
/// kernel): <c>#r "nuget: …"</c> (a package the book has is answered with the version in use; any other is
/// restored with its dependencies by <see cref="PackageRestore"/> and referenced), <c>#i "nuget: …"</c> sources,
/// <c>#r "library.dll"</c>, and the <see cref="MagicCommands"/>. References stay for the session's later cells.
/// Each cell that asks for packages shows one output: restore progress while it runs, then the packages in use.
/// </summary>
public sealed class PolyglotSession(ScriptOptions baseOptions)
{
    readonly List<MetadataReference> references = [];
    readonly HashSet<string> referencedNames = new(StringComparer.OrdinalIgnoreCase);
    readonly List<string> sources = [];
    /// <summary>Every package restored in this session: restored again with new ones, so their versions agree.</summary>
    readonly Dictionary<string, PackageRequest> restored = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The options to compile the next cell with: the engine's, plus what the session's cells referenced.</summary>
    public ScriptOptions Options => references.Count == 0 ? baseOptions : baseOptions.AddReferences(references);

    /// <summary>Carries out the cell's directives and magic commands (throwing <see cref="CellDirectiveException"/> for one that fails).</summary>
    /// <param name="variables">The notebook's variables so far, for <c>#!who</c>.</param>
    public async Task<PreparedCell> PrepareAsync(string code, IReadOnlyList<ScriptVariable> variables, CancellationToken stop)
    {
        var cell = ParsedCell.Parse(code);
        MagicCommands.RequireCSharp(cell);
        bool timed = false;
        var packages = new List<PackageDirective>();
        foreach (var directive in cell.Directives)
        {
            switch (directive)
            {
                case MagicCommand magic:
                    timed |= MagicCommands.Run(magic, variables);
                    break;
                case SourceDirective source:
                    AddSource(source);
                    break;
                case AssemblyDirective assembly:
                    Reference(AssemblyFile(assembly));
                    break;
                case PackageDirective package:
                    packages.Add(package);
                    break;
                case MalformedDirective malformed:
                    throw new CellDirectiveException(malformed.Line, malformed.Problem);
            }
        }
        if (packages.Count > 0) await ReferencePackagesAsync(packages, stop);
        return new PreparedCell(cell.Code, timed);
    }

    void AddSource(SourceDirective directive)
    {
        bool feed = Uri.TryCreate(directive.Source, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";
        string source = feed ? directive.Source : Path.GetFullPath(directive.Source);
        if (!feed && !Directory.Exists(source))
            throw new CellDirectiveException(directive.Line,
                $"#i \"nuget: {directive.Source}\": expected a NuGet feed URL (https://…) or an existing folder of packages, found no folder {source}");
        if (!sources.Contains(source)) sources.Add(source);
    }

    /// <summary>The file of <c>#r "…"</c>: a path (relative to the notebook's folder) or a .NET framework assembly's name.</summary>
    static string AssemblyFile(AssemblyDirective directive)
    {
        string path = Path.GetFullPath(directive.Reference);
        bool bareName = directive.Reference.IndexOfAny(['/', '\\']) < 0;
        string framework = Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(),
            directive.Reference.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) ? directive.Reference : directive.Reference + ".dll");
        string? file = File.Exists(path) ? path : bareName && File.Exists(framework) ? framework : null;
        if (file is null)
            throw new CellDirectiveException(directive.Line,
                $"#r \"{directive.Reference}\": expected a .NET assembly (a path relative to the notebook's folder, or absolute) or a framework assembly's name; there is no file {path}",
                "AssemblyNotFound");
        try { AssemblyName.GetAssemblyName(file); }
        catch (BadImageFormatException)
        {
            throw new CellDirectiveException(directive.Line, $"#r \"{directive.Reference}\": expected a .NET assembly, found a file that is not one ({file})", "AssemblyNotFound");
        }
        return file;
    }

    void Reference(string file)
    {
        if (referencedNames.Add(Path.GetFileNameWithoutExtension(file))) references.Add(MetadataReference.CreateFromFile(file));
    }

    /// <summary>True when cells already compile against an assembly of that name.</summary>
    bool Referenced(string assemblyName) =>
        referencedNames.Contains(assemblyName)
        || baseOptions.MetadataReferences.OfType<PortableExecutableReference>().Any(r => Path.GetFileNameWithoutExtension(r.FilePath) == assemblyName);

    /// <summary>True when cells compile against an assembly of that name, or the process has one it would load instead.</summary>
    bool Available(string assemblyName) =>
        Referenced(assemblyName)
        || AppDomain.CurrentDomain.GetAssemblies().Any(a => a.GetName().Name == assemblyName)
        || ((AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string) ?? "").Split(Path.PathSeparator)
            .Any(path => Path.GetFileNameWithoutExtension(path).Equals(assemblyName, StringComparison.OrdinalIgnoreCase));

    async Task ReferencePackagesAsync(List<PackageDirective> packages, CancellationToken stop)
    {
        var lines = new List<string>();
        var toRestore = new List<PackageDirective>();
        foreach (var package in packages)
        {
            if (BookPackages.Current.Find(package.Name) is { } own) lines.Add(UseBookPackage(package, own));
            else if (package.Version is null || NuGet.Versioning.VersionRange.TryParse(package.Version, allowFloating: true, out _)) toRestore.Add(package);
            else throw new CellDirectiveException(package.Line,
                $"#r \"nuget: {package.Name}, {package.Version}\": expected a NuGet version or version range after the comma, found '{package.Version}'");
        }
        var shown = DisplayFunctions.display(Installed(lines, restoring: toRestore.Count > 0));
        if (toRestore.Count > 0)
        {
            try { lines.AddRange(await RestoreAsync(toRestore, shown, stop)); }
            catch (PackageRestoreException e)
            {
                shown.Update(Installed(lines, restoring: false) + "\nRestore failed (the error follows).");
                throw new CellDirectiveException(toRestore[0].Line, e.Message, "PackageRestoreError");
            }
        }
        shown.Update(Installed(lines, restoring: false));
    }

    /// <summary>References the assemblies of a package the book has, when its version fits the request; returns the line that says so.</summary>
    string UseBookPackage(PackageDirective package, BookPackage own)
    {
        bool accepted;
        string meaning;
        try { accepted = own.Accepts(package.Version, out meaning); }
        catch (FormatException e) { throw new CellDirectiveException(package.Line, $"#r \"nuget: {package.Name}, {package.Version}\": {e.Message}"); }
        if (!accepted)
            throw new CellDirectiveException(package.Line,
                $"this cell asks for {package.Name} {meaning}, but the book runs {own.Name} {own.Version}, which is loaded already, and one process "
                + $"cannot load two versions of it: ask for {own.Version} or leave the version out (#r \"nuget: {package.Name}\")", "PackageVersionConflict");
        foreach (string assembly in own.Assemblies.Select(Path.GetFileNameWithoutExtension).OfType<string>().Where(name => !Referenced(name)))
            if (File.Exists(Path.Combine(AppContext.BaseDirectory, assembly + ".dll"))) Reference(Path.Combine(AppContext.BaseDirectory, assembly + ".dll"));
        string alias = own.Name.Equals(package.Name, StringComparison.OrdinalIgnoreCase) ? ""
            : $" as {own.Name} (the book's TorchSharp runs on the CPU; README: Using a GPU)";
        return $"{package.Name}: {own.Version}, the book's own{alias}" + (package.Version is null ? "" : $"; the cell asked for {meaning}");
    }

    static string Installed(IReadOnlyList<string> lines, bool restoring) =>
        (lines.Count == 0 ? "" : "Installed packages:\n" + string.Join("\n", lines.Select(line => "  " + line)))
        + (restoring ? (lines.Count == 0 ? "" : "\n") + "Restoring packages…" : "");

    /// <summary>Restores the cell's packages with those restored before, references the new assemblies; returns a line per package.</summary>
    async Task<IEnumerable<string>> RestoreAsync(List<PackageDirective> packages, DisplayedValue shown, CancellationToken stop)
    {
        foreach (var package in packages) restored[package.Name] = new PackageRequest(package.Name, package.Version);
        string asked = string.Join(", ", packages.Select(p => p.Version is null ? p.Name : $"{p.Name} {p.Version}"));
        string latest = "";
        var clock = Stopwatch.StartNew();
        var restore = PackageRestore.RestoreAsync(restored.Values.ToList(), sources, Environment.CurrentDirectory, line => Volatile.Write(ref latest, line), stop);
        while (await Task.WhenAny(restore, Task.Delay(TimeSpan.FromSeconds(1), stop)) != restore)
        {
            stop.ThrowIfCancellationRequested();
            shown.Update($"Restoring {asked} from NuGet… {clock.Elapsed.TotalSeconds:0} s\n  {Volatile.Read(ref latest)}");
        }
        var files = await restore;

        var requested = packages.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var lines = new List<string>();
        foreach (var package in files.GroupBy(f => (f.Package, f.Version)).OrderBy(g => requested.Contains(g.Key.Package) ? 0 : 1))
        {
            var skipped = new List<string>();
            bool isNew = false;
            foreach (var file in package)
            {
                string name = Path.GetFileNameWithoutExtension(file.Path);
                if (file.IsNative) NativeLibraryPaths.Add(Path.GetDirectoryName(file.Path)!, PackagesFolder(file));
                else if (referencedNames.Contains(name)) continue;
                else if (Available(name)) skipped.Add(name);
                else
                {
                    Reference(file.Path);
                    isNew = true;
                }
            }
            if (!isNew && skipped.Count == 0 && !requested.Contains(package.Key.Package)) continue;
            string role = requested.Contains(package.Key.Package) ? "restored" : "restored as a dependency";
            string note = skipped.Count == 0 ? "" : $" ({string.Join(", ", skipped)} not loaded: the book's own copy is in use)";
            lines.Add($"{package.Key.Package}: {package.Key.Version}, {role}{note}");
        }
        foreach (var name in requested.Where(name => !files.Any(f => f.Package.Equals(name, StringComparison.OrdinalIgnoreCase))))
            lines.Add($"{name}: restored (it has no assemblies for .NET {Environment.Version.Major})");
        return lines;
    }

    /// <summary>The NuGet packages folder a restored file lies in (…/packages/ID/VERSION/…).</summary>
    static string PackagesFolder(RestoredFile file)
    {
        string marker = $"{Path.DirectorySeparatorChar}{file.Package.ToLowerInvariant()}{Path.DirectorySeparatorChar}{file.Version}{Path.DirectorySeparatorChar}";
        int at = file.Path.IndexOf(marker, StringComparison.OrdinalIgnoreCase);
        return at < 0 ? Path.GetDirectoryName(file.Path)! : file.Path[..at];
    }
}
