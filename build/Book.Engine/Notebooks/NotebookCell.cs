using System.Text.Json.Nodes;

namespace Book.Engine.Notebooks;

/// <summary>One cell of a <see cref="Notebook"/>, a view over its JSON object.</summary>
public sealed class NotebookCell
{
    readonly JsonObject json;

    internal NotebookCell(JsonObject json, int index)
    {
        this.json = json;
        Index = index;
    }

    /// <summary>0-based position among all cells; people see <see cref="Number"/>.</summary>
    public int Index { get; }

    /// <summary>1-based position among all cells, as VS Code and Jupyter number them.</summary>
    public int Number => Index + 1;

    /// <summary>"code", "markdown" or "raw".</summary>
    public string Type => json["cell_type"]!.GetValue<string>();

    /// <summary>True for code cells.</summary>
    public bool IsCode => Type == "code";

    /// <summary>The cell's id (nbformat 4.5), if any.</summary>
    public string? Id
    {
        get => json["id"]?.GetValue<string>();
        set => json["id"] = value;
    }

    /// <summary>The source as one string (nbformat allows a string or a list of lines); set as a list of lines.</summary>
    public string Source
    {
        get => JoinText(json["source"]);
        set => json["source"] = SplitLines(value);
    }

    /// <summary>The cell's metadata object (created when missing).</summary>
    public JsonObject Metadata => (json["metadata"] ??= new JsonObject()).AsObject();

    /// <summary>The outputs array of a code cell.</summary>
    public JsonArray Outputs => (json["outputs"] ??= new JsonArray()).AsArray();

    /// <summary>The execution count of a code cell; null when it has not been run.</summary>
    public int? ExecutionCount => json["execution_count"] is JsonValue count && count.TryGetValue(out int n) ? n : null;

    /// <summary>Replaces the outputs and the execution count of a code cell.</summary>
    public void SetOutputs(JsonArray outputs, int? executionCount)
    {
        json["outputs"] = outputs;
        json["execution_count"] = executionCount;
    }

    /// <summary>Joins nbformat's multiline text (a string or an array of lines).</summary>
    public static string JoinText(JsonNode? node) => node switch
    {
        null => "",
        JsonArray lines => string.Concat(lines.Select(l => l?.GetValue<string>() ?? "")),
        _ => node.GetValue<string>(),
    };

    /// <summary>Splits text into nbformat's list of lines, each keeping its newline.</summary>
    public static JsonArray SplitLines(string text)
    {
        var lines = new JsonArray();
        int start = 0;
        while (start < text.Length)
        {
            int end = text.IndexOf('\n', start);
            end = end < 0 ? text.Length : end + 1;
            lines.Add(text[start..end]);
            start = end;
        }
        return lines;
    }
}
