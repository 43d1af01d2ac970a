using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;

namespace Book.Engine.Execution;

/// <summary>
/// The XML documentation summary of a symbol, read from the <c>.xml</c> file beside its assembly (the
/// book's library ships one) or, for .NET itself, from the SDK's reference pack. Each file is read once.
/// </summary>
public static partial class DocumentationLookup
{
    static readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, XElement>> files = new();

    /// <summary>The summary as one line of plain text, or null when no documentation is found.</summary>
    public static string? Summary(ISymbol symbol)
    {
        var definition = (symbol as IMethodSymbol)?.ReducedFrom ?? symbol.OriginalDefinition;
        if (definition.GetDocumentationCommentId() is not { } id || definition.ContainingAssembly?.Name is not { } assembly) return null;
        foreach (var file in Candidates(assembly).Where(File.Exists))
            if (files.GetOrAdd(file, Read).TryGetValue(id, out var member) && member.Element("summary") is { } summary)
                return PlainText(summary);
        return null;
    }

    static IEnumerable<string> Candidates(string assembly)
    {
        var loaded = AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a => a.GetName().Name == assembly && !a.IsDynamic);
        if (!string.IsNullOrEmpty(loaded?.Location)) yield return Path.ChangeExtension(loaded.Location, ".xml");
        if (ReferencePack() is { } pack)
            yield return Path.Combine(pack, (assembly == "System.Private.CoreLib" ? "System.Runtime" : assembly) + ".xml");
    }

    /// <summary>dotnet/packs/Microsoft.NETCore.App.Ref/&lt;this runtime's version&gt;/ref/net&lt;major&gt;.&lt;minor&gt;, when installed.</summary>
    static string? ReferencePack()
    {
        string dotnetRoot = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
        string packs = Path.Combine(dotnetRoot, "packs", "Microsoft.NETCore.App.Ref");
        if (!Directory.Exists(packs)) return null;
        var version = Environment.Version;
        string? newest = Directory.GetDirectories(packs)
            .Where(dir => Version.TryParse(Path.GetFileName(dir), out var v) && v.Major == version.Major)
            .OrderByDescending(dir => Version.Parse(Path.GetFileName(dir))).FirstOrDefault();
        return newest is null ? null : Path.Combine(newest, "ref", $"net{version.Major}.{version.Minor}");
    }

    static IReadOnlyDictionary<string, XElement> Read(string file)
    {
        try
        {
            return XDocument.Load(file).Descendants("member")
                .Where(m => m.Attribute("name") is not null)
                .DistinctBy(m => m.Attribute("name")!.Value)
                .ToDictionary(m => m.Attribute("name")!.Value);
        }
        catch (Exception e) when (e is IOException or System.Xml.XmlException or UnauthorizedAccessException)
        {
            return new Dictionary<string, XElement>();
        }
    }

    /// <summary>The element's text with <c>&lt;see cref="T:System.Double"/&gt;</c> shown as <c>Double</c> and whitespace collapsed.</summary>
    static string PlainText(XElement element)
    {
        var copy = new XElement(element);
        foreach (var reference in copy.Descendants().Where(e => e.Name == "see" || e.Name == "paramref" || e.Name == "typeparamref").ToList())
        {
            string target = reference.Attribute("cref")?.Value ?? reference.Attribute("name")?.Value ?? reference.Attribute("langword")?.Value ?? "";
            reference.ReplaceWith(reference.Value.Length > 0 ? reference.Value : ShortName(target));
        }
        return Whitespace().Replace(copy.Value, " ").Trim();
    }

    static string ShortName(string cref)
    {
        string name = cref.Contains(':') ? cref[(cref.IndexOf(':') + 1)..] : cref;
        int parameters = name.IndexOf('(');
        if (parameters >= 0) name = name[..parameters];
        return name[(name.LastIndexOf('.') + 1)..];
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
