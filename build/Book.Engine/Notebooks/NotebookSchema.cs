using System.Text.Json;
using System.Text.Json.Nodes;
using Book.Engine.Chapters;

namespace Book.Engine.Notebooks;

/// <summary>
/// The parts of nbformat 4 the book relies on, checked before anything is read, so a damaged or foreign
/// notebook fails with one sentence naming the file, the cell and field, what was expected and what
/// was found — never with a JSON library's exception three calls later.
/// </summary>
static class NotebookSchema
{
    static readonly string[] CellTypes = ["code", "markdown", "raw"];

    /// <summary>Throws <see cref="NotebookFormatException"/> at the first part that is not as nbformat 4 defines it.</summary>
    public static void Check(JsonNode? node, string path)
    {
        if (node is not JsonObject root) throw new NotebookFormatException(path, $"expected a JSON object at the top, found {Describe(node)}");
        var major = root["nbformat"];
        if (major is not JsonValue value || !value.TryGetValue(out int version))
            throw new NotebookFormatException(path, $"expected 'nbformat': 4, found {(major is null ? "no 'nbformat'" : Describe(major))}");
        if (version != 4)
            throw new NotebookFormatException(path, $"expected nbformat 4, found nbformat {version}"
                + (version < 4 ? " (convert it: jupyter nbconvert --to notebook --nbformat 4 FILE)" : ""));
        Expect(root, "metadata", JsonValueKind.Object, path, "");
        if (root["cells"] is not JsonArray cells)
            throw new NotebookFormatException(path, $"expected a 'cells' list, found {(root.ContainsKey("cells") ? Describe(root["cells"]) : "none")}");
        for (int i = 0; i < cells.Count; i++) CheckCell(cells[i], path, $"cell {i + 1}: ");
    }

    static void CheckCell(JsonNode? node, string path, string where)
    {
        if (node is not JsonObject cell) throw new NotebookFormatException(path, $"{where}expected a JSON object, found {Describe(node)}");
        string? type = cell["cell_type"] is JsonValue kind && kind.TryGetValue(out string? text) ? text : null;
        if (type is null || !CellTypes.Contains(type))
            throw new NotebookFormatException(path, $"{where}expected 'cell_type' to be \"code\", \"markdown\" or \"raw\", found {(cell.ContainsKey("cell_type") ? Describe(cell["cell_type"]) : "none")}");
        if (!IsMultilineText(cell["source"]))
            throw new NotebookFormatException(path, $"{where}expected 'source' to be a string or a list of strings, found {(cell.ContainsKey("source") ? Describe(cell["source"]) : "none")}");
        Expect(cell, "metadata", JsonValueKind.Object, path, where);
        Expect(cell, "id", JsonValueKind.String, path, where);
        if (type != "code") return;
        Expect(cell, "outputs", JsonValueKind.Array, path, where);
        if (cell["execution_count"] is { } count && (count is not JsonValue number || !number.TryGetValue(out int _)))
            throw new NotebookFormatException(path, $"{where}expected 'execution_count' to be null or a whole number, found {Describe(count)}");
        if (cell["outputs"] is JsonArray outputs)
            for (int i = 0; i < outputs.Count; i++)
                if (outputs[i] is not JsonObject output || output["output_type"] is not JsonValue)
                    throw new NotebookFormatException(path, $"{where}output {i + 1}: expected an object with an 'output_type', found {Describe(outputs[i])}");
    }

    /// <summary>nbformat's multiline text: a string, or a list of strings.</summary>
    static bool IsMultilineText(JsonNode? node) => node switch
    {
        JsonValue value => value.GetValueKind() == JsonValueKind.String,
        JsonArray lines => lines.All(line => line is JsonValue v && v.GetValueKind() == JsonValueKind.String),
        _ => false,
    };

    /// <summary>When <paramref name="name"/> is present (and not null), it must be of <paramref name="kind"/>.</summary>
    static void Expect(JsonObject json, string name, JsonValueKind kind, string path, string where)
    {
        if (json[name] is { } node && node.GetValueKind() != kind)
            throw new NotebookFormatException(path, $"{where}expected '{name}' to be {Article(kind)}, found {Describe(node)}");
    }

    static string Article(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list",
        _ => "a string",
    };

    /// <summary>A JSON value as an error message shows it: its kind and, when short, itself.</summary>
    static string Describe(JsonNode? node)
    {
        if (node is null) return "null";
        string kind = node.GetValueKind() switch
        {
            JsonValueKind.Object => "an object",
            JsonValueKind.Array => "a list",
            JsonValueKind.String => "a string",
            JsonValueKind.Number => "a number",
            _ => "a boolean",
        };
        string json = node.ToJsonString();
        return json.Length <= 40 ? $"{kind} ({json})" : kind;
    }
}

/// <summary>A notebook that cannot be read, with the path and what was expected and found: printed as one line, exit code 1.</summary>
public sealed class NotebookFormatException(string path, string reason)
    : BookException($"{path} is not a notebook the book can read: {reason}.")
{
    /// <summary>The notebook's path.</summary>
    public string NotebookPath { get; } = path;
}
