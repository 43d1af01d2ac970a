using System.Text.Json.Nodes;
using Book.Engine.Execution;

namespace Book.Engine.Notebooks;

/// <summary>
/// Collects one cell's <see cref="CellOutput"/>s as nbformat 4 output objects: consecutive text on
/// the same stream is merged, <c>update_display_data</c> replaces the display it names (a notebook
/// stores only the last state), <c>clear_output</c> drops what came before it, JSON mime types are stored
/// as JSON and text as lists of lines.
/// </summary>
public sealed class NotebookOutputs
{
    readonly Dictionary<string, List<JsonObject>> displaysById = new();

    /// <summary>The outputs so far, ready for <see cref="NotebookCell.SetOutputs"/>.</summary>
    public JsonArray Outputs { get; } = new();

    /// <summary>A <c>clear_output(wait: true)</c> waiting for the next output.</summary>
    bool clearPending;

    /// <summary>Adds an output of the cell with the given execution count.</summary>
    public void Add(CellOutput output, int executionCount)
    {
        if (clearPending && output is not ClearOutput)
        {
            Clear();
            clearPending = false;
        }
        switch (output)
        {
            case ClearOutput { Wait: true }:
                clearPending = true;
                break;
            case ClearOutput:
                Clear();
                break;
            case StreamOutput stream:
                AppendStream(stream);
                break;
            case DisplayOutput display:
                var shown = new JsonObject { ["output_type"] = "display_data", ["data"] = ToNbformat(display.Data), ["metadata"] = new JsonObject() };
                Outputs.Add(shown);
                if (!displaysById.TryGetValue(display.DisplayId, out var list)) displaysById[display.DisplayId] = list = new();
                list.Add(shown);
                break;
            case DisplayUpdate update when displaysById.TryGetValue(update.DisplayId, out var targets):
                foreach (var target in targets) target["data"] = ToNbformat(update.Data);
                break;
            case DisplayUpdate:
                break; // an update of a display from an earlier cell: that cell's stored output stays as it was
            case ResultOutput result:
                Outputs.Add(new JsonObject
                {
                    ["output_type"] = "execute_result", ["execution_count"] = executionCount,
                    ["data"] = ToNbformat(result.Data), ["metadata"] = new JsonObject(),
                });
                break;
            case ErrorOutput error:
                Outputs.Add(new JsonObject
                {
                    ["output_type"] = "error", ["ename"] = error.Name, ["evalue"] = error.Value,
                    ["traceback"] = new JsonArray(error.Traceback.Select(line => (JsonNode?)line).ToArray()),
                });
                break;
        }
    }

    void Clear()
    {
        Outputs.Clear();
        displaysById.Clear();
    }

    void AppendStream(StreamOutput stream)
    {
        if (Outputs.Count > 0 && Outputs[^1] is JsonObject last && (string?)last["output_type"] == "stream" && (string?)last["name"] == stream.Name)
        {
            last["text"] = NotebookCell.SplitLines(NotebookCell.JoinText(last["text"]) + stream.Text);
            return;
        }
        Outputs.Add(new JsonObject { ["output_type"] = "stream", ["name"] = stream.Name, ["text"] = NotebookCell.SplitLines(stream.Text) });
    }

    /// <summary>A mime bundle as nbformat stores it: JSON types as JSON, text as lines, images as base64 strings.</summary>
    public static JsonObject ToNbformat(IReadOnlyDictionary<string, string> bundle)
    {
        var data = new JsonObject();
        foreach (var (mime, text) in bundle.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            data[mime] = mime.EndsWith("json", StringComparison.Ordinal) ? JsonNode.Parse(text)
                : mime.StartsWith("image/", StringComparison.Ordinal) ? text
                : NotebookCell.SplitLines(text);
        return data;
    }
}
