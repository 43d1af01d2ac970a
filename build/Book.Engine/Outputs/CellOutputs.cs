using System.Text.Json.Nodes;
using Book.Engine.Execution;

namespace Book.Engine.Outputs;

/// <summary>
/// Collects one cell's <see cref="CellOutput"/>s as the nbformat outputs a notebook stores: consecutive
/// text on the same stream becomes one output (<see cref="StreamText"/>, linear in what was printed, and
/// capped by a <see cref="PrintedTextLimit"/>), an update of a display replaces the data of the display it
/// names (a notebook keeps only the last state), <c>clear_output</c> drops what came before it (with
/// <c>wait</c>, when the next output arrives), everything else is stored as <see cref="JupyterOutput"/> makes it.
/// </summary>
public sealed class CellOutputs(int executionCount, int printedTextLimit = PrintedTextLimit.Default)
{
    readonly List<object> outputs = []; // a StreamText, or a finished nbformat output (JsonObject)
    readonly Dictionary<string, List<JsonObject>> displaysById = [];
    PrintedTextLimit limit = new(printedTextLimit);
    /// <summary>A <c>clear_output(wait: true)</c> waiting for the next output.</summary>
    bool clearPending;

    /// <summary>The execution count stored with a result.</summary>
    public int ExecutionCount { get; } = executionCount;

    /// <summary>Adds the next output of the cell.</summary>
    public void Add(CellOutput output)
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
                if (outputs.LastOrDefault() is StreamText last && last.Stream == stream.Name) last.Append(stream.Text);
                else if (limit.Remaining > 0)
                {
                    var text = new StreamText(stream.Name, limit);
                    text.Append(stream.Text);
                    outputs.Add(text);
                }
                else limit.Take(stream.Text);
                break;
            case DisplayUpdate update:
                // An update of a display from an earlier cell changes nothing here: that cell's stored output stays as it was.
                foreach (var shown in displaysById.GetValueOrDefault(update.DisplayId) ?? [])
                    shown["data"] = JupyterOutput.StoredBundle(update.Data);
                break;
            case DisplayOutput display:
                var stored = JupyterOutput.Stored(display, ExecutionCount);
                outputs.Add(stored);
                if (!displaysById.TryGetValue(display.DisplayId, out var list)) displaysById[display.DisplayId] = list = [];
                list.Add(stored);
                break;
            default:
                outputs.Add(JupyterOutput.Stored(output, ExecutionCount));
                break;
        }
    }

    /// <summary>Drops every output so far; what is printed next counts against a fresh limit.</summary>
    void Clear()
    {
        outputs.Clear();
        displaysById.Clear();
        limit = new PrintedTextLimit(limit.Characters);
    }

    /// <summary>The outputs as nbformat JSON, ready for <see cref="Notebooks.NotebookCell.SetOutputs"/>.</summary>
    public JsonArray ToJson()
    {
        var json = new JsonArray();
        bool noted = false;
        foreach (var output in outputs)
        {
            if (output is not StreamText stream)
            {
                json.Add(((JsonObject)output).DeepClone());
                continue;
            }
            bool noteHere = stream.WasCut && !noted;
            noted |= noteHere;
            json.Add(Stream(stream.Stream, stream + (noteHere ? limit.Note : "")));
        }
        // The limit was reached exactly where one stream's text ended and the next began.
        if (limit.Exceeded && !noted) json.Add(Stream("stdout", limit.Note));
        return json;
    }

    JsonObject Stream(string name, string text) => JupyterOutput.Stored(new StreamOutput(name, text), ExecutionCount);
}
