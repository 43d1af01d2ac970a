using System.Text.Json.Nodes;
using Book.Engine.Execution;
using Book.Engine.Notebooks;

namespace Book.Engine.Outputs;

/// <summary>
/// The one translation of a <see cref="CellOutput"/> into Jupyter's JSON, in its two forms: the content of
/// an iopub message (what the kernel sends a front end) and the nbformat output object (what a notebook
/// stores). They differ only where the formats do: a stored output names its <c>output_type</c>, keeps
/// text as a list of lines and no <c>transient</c> display id, and an update of a display is never stored.
/// </summary>
public static class JupyterOutput
{
    /// <summary>The iopub message type of <paramref name="output"/>: stream, display_data, update_display_data, clear_output, execute_result or error.</summary>
    public static string MessageType(CellOutput output) => output switch
    {
        StreamOutput => "stream",
        DisplayOutput => "display_data",
        DisplayUpdate => "update_display_data",
        ClearOutput => "clear_output",
        ResultOutput => "execute_result",
        ErrorOutput => "error",
        _ => throw Unknown(output),
    };

    /// <summary>The content of the iopub message for <paramref name="output"/> of the cell with <paramref name="executionCount"/>.</summary>
    public static JsonObject MessageContent(CellOutput output, int executionCount) => Build(output, executionCount, stored: false);

    /// <summary>
    /// The nbformat 4 output object for <paramref name="output"/>. Not for a <see cref="DisplayUpdate"/> or a
    /// <see cref="ClearOutput"/>: a notebook stores the display's last state in place of the display itself, and
    /// only what was not cleared (<see cref="CellOutputs"/>).
    /// </summary>
    public static JsonObject Stored(CellOutput output, int executionCount) => output switch
    {
        DisplayUpdate => throw new ArgumentException("An update of a display is not stored; it replaces the data of the display it names.", nameof(output)),
        ClearOutput => throw new ArgumentException("clear_output is not stored; it removes the outputs before it.", nameof(output)),
        _ => Build(output, executionCount, stored: true),
    };

    /// <summary>A mime bundle as nbformat stores it: JSON types as JSON, images as one base64 string, other text as lines.</summary>
    public static JsonObject StoredBundle(IReadOnlyDictionary<string, string> bundle) => Bundle(bundle, stored: true);

    /// <summary>ename, evalue and traceback: the content of an error message, of a failed execute_reply, and of a stored error.</summary>
    public static JsonObject Error(ErrorOutput error) => new()
    {
        ["ename"] = error.Name,
        ["evalue"] = error.Value,
        ["traceback"] = new JsonArray(error.Traceback.Select(line => (JsonNode?)line).ToArray()),
    };

    static JsonObject Build(CellOutput output, int executionCount, bool stored)
    {
        var json = stored ? new JsonObject { ["output_type"] = MessageType(output) } : new JsonObject();
        switch (output)
        {
            case StreamOutput stream:
                json["name"] = stream.Name;
                json["text"] = stored ? NotebookCell.SplitLines(stream.Text) : stream.Text;
                break;
            case DisplayOutput display:
                AddDisplay(json, display.Data, display.DisplayId, stored);
                break;
            case DisplayUpdate update:
                AddDisplay(json, update.Data, update.DisplayId, stored);
                break;
            case ResultOutput result:
                json["execution_count"] = executionCount;
                json["data"] = Bundle(result.Data, stored);
                json["metadata"] = new JsonObject();
                break;
            case ClearOutput clear:
                json["wait"] = clear.Wait;
                break;
            case ErrorOutput error:
                foreach (var (key, value) in Error(error).ToList()) json[key] = value?.DeepClone();
                break;
            default:
                throw Unknown(output);
        }
        return json;
    }

    static void AddDisplay(JsonObject json, IReadOnlyDictionary<string, string> data, string displayId, bool stored)
    {
        json["data"] = Bundle(data, stored);
        json["metadata"] = new JsonObject();
        if (!stored) json["transient"] = new JsonObject { ["display_id"] = displayId };
    }

    /// <summary>JSON mime types as JSON; on the wire other types are one string, stored text is a list of lines.</summary>
    static JsonObject Bundle(IReadOnlyDictionary<string, string> bundle, bool stored)
    {
        var data = new JsonObject();
        foreach (var (mime, text) in bundle.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            data[mime] = mime.EndsWith("json", StringComparison.Ordinal) ? JsonNode.Parse(text)
                : stored && !mime.StartsWith("image/", StringComparison.Ordinal) ? NotebookCell.SplitLines(text)
                : text;
        return data;
    }

    static ArgumentException Unknown(CellOutput output) =>
        new($"Expected a stream, display, display update, clear, result or error output, got {output.GetType().Name}.", nameof(output));
}
