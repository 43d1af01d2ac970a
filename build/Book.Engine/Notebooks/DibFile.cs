using System.Text.Json;
using System.Text.Json.Nodes;

namespace Book.Engine.Notebooks;

/// <summary>
/// Polyglot Notebooks' plain-text notebook format (<c>.dib</c>), read into an nbformat 4 notebook. A .dib is an
/// optional <c>#!meta</c> section holding the notebook's metadata as JSON (its <c>kernelInfo</c> names the
/// cell languages and their aliases), then cells: each starts at a line that is exactly <c>#!</c> followed by a
/// language's name or alias (<c>#!csharp</c>, <c>#!markdown</c>, <c>#!fsharp</c>…); other <c>#!</c> lines, such as
/// <c>#!time</c>, belong to the cell. A cell's leading and trailing blank lines are not part of it, and text
/// before the first marker is a cell in the default language (C#). Markdown cells become markdown cells; the
/// others code cells that name their language in Polyglot's cell metadata (<c>polyglot_notebook.kernelName</c>),
/// as VS Code wrote it into .ipynb files. A .dib holds no outputs.
/// </summary>
public static class DibFile
{
    /// <summary>The file extension of the format.</summary>
    public const string Extension = ".dib";

    /// <summary>Polyglot's languages (kernel names) and their aliases, used when the file's metadata does not list them.</summary>
    static readonly (string Name, string[] Aliases)[] KnownKernels =
    [
        ("csharp", ["c#", "C#"]), ("fsharp", ["f#", "F#"]), ("pwsh", ["powershell"]), ("javascript", ["js"]), ("html", []),
        ("markdown", ["md"]), ("sql", []), ("kql", []), ("mermaid", []), ("http", []), ("value", []),
    ];

    /// <summary>True when <paramref name="path"/> names a .dib file.</summary>
    public static bool IsDib(string path) => Path.GetExtension(path).Equals(Extension, StringComparison.OrdinalIgnoreCase);

    /// <summary>The notebook's JSON; errors name the file and what was wrong.</summary>
    public static JsonObject Read(string path)
    {
        string[] lines = File.ReadAllText(path).ReplaceLineEndings("\n").Split('\n');
        var metadata = new JsonObject();
        var kernels = KnownKernels.SelectMany(k => k.Aliases.Prepend(k.Name).Select(alias => (alias, k.Name)))
            .ToDictionary(pair => pair.alias, pair => pair.Name, StringComparer.Ordinal);
        string language = "csharp";
        var cells = new JsonArray();
        var current = new List<string>();
        for (int i = 0; i < lines.Length; i++)
        {
            if (i == FirstContentLine(lines) && lines[i] == "#!meta")
            {
                var json = new List<string>();
                while (i + 1 < lines.Length && !lines[i + 1].StartsWith("#!", StringComparison.Ordinal)) json.Add(lines[++i]);
                metadata = ParseMetadata(path, string.Join("\n", json));
                language = AddKernels(metadata, kernels) ?? language;
                continue;
            }
            if (lines[i].StartsWith("#!", StringComparison.Ordinal) && kernels.TryGetValue(lines[i][2..], out string? next))
            {
                AddCell(cells, language, current);
                language = next;
                current.Clear();
                continue;
            }
            current.Add(lines[i]);
        }
        AddCell(cells, language, current);
        if (metadata["kernelInfo"] is JsonNode kernelInfo) metadata["polyglot_notebook"] = new JsonObject { ["kernelInfo"] = kernelInfo.DeepClone() };
        metadata.Remove("kernelInfo");
        return new JsonObject { ["nbformat"] = 4, ["nbformat_minor"] = 5, ["metadata"] = metadata, ["cells"] = cells };
    }

    static int FirstContentLine(string[] lines) => Array.FindIndex(lines, line => line.Length > 0);

    static JsonObject ParseMetadata(string path, string json)
    {
        try
        {
            return JsonNode.Parse(json) as JsonObject
                ?? throw new NotebookFormatException(path, "expected a JSON object after #!meta");
        }
        catch (JsonException e)
        {
            throw new NotebookFormatException(path, $"expected JSON after #!meta ({e.Message})");
        }
    }

    /// <summary>Adds the languages the metadata lists (kernelInfo.items: name, aliases); returns its default language.</summary>
    static string? AddKernels(JsonObject metadata, Dictionary<string, string> kernels)
    {
        foreach (var item in metadata["kernelInfo"]?["items"]?.AsArray().OfType<JsonObject>() ?? [])
        {
            if ((string?)item["name"] is not { Length: > 0 } name) continue;
            kernels[name] = name;
            foreach (var alias in item["aliases"]?.AsArray().Select(a => (string?)a).OfType<string>() ?? [])
                kernels[alias.TrimStart('#', '!')] = name;
        }
        return (string?)metadata["kernelInfo"]?["defaultKernelName"];
    }

    static void AddCell(JsonArray cells, string language, List<string> lines)
    {
        int first = lines.FindIndex(line => line.Length > 0), last = lines.FindLastIndex(line => line.Length > 0);
        if (first < 0) return;
        var source = NotebookCell.SplitLines(string.Join("\n", lines.GetRange(first, last - first + 1)));
        cells.Add(language == "markdown"
            ? new JsonObject { ["cell_type"] = "markdown", ["metadata"] = new JsonObject(), ["source"] = source }
            : new JsonObject
            {
                ["cell_type"] = "code", ["execution_count"] = null,
                ["metadata"] = new JsonObject { ["polyglot_notebook"] = new JsonObject { ["kernelName"] = language } },
                ["outputs"] = new JsonArray(), ["source"] = source,
            });
    }
}
