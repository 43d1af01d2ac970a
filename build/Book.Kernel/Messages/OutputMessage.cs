using System.Text.Json.Nodes;
using Book.Engine.Execution;

namespace Book.Kernel.Messages;

/// <summary>The iopub message that carries a cell's output: stream, display_data, update_display_data, clear_output, execute_result or error.</summary>
public static class OutputMessage
{
    /// <summary>The message type and content for <paramref name="output"/> of the cell with <paramref name="executionCount"/>.</summary>
    public static (string Type, JsonObject Content) From(CellOutput output, int executionCount) => output switch
    {
        StreamOutput stream => ("stream", new JsonObject { ["name"] = stream.Name, ["text"] = stream.Text }),
        DisplayOutput display => ("display_data", Display(display.Data, display.DisplayId)),
        DisplayUpdate update => ("update_display_data", Display(update.Data, update.DisplayId)),
        ResultOutput result => ("execute_result", new JsonObject
        {
            ["execution_count"] = executionCount, ["data"] = Bundle(result.Data), ["metadata"] = new JsonObject(),
        }),
        ErrorOutput error => ("error", Error(error)),
        ClearOutput clear => ("clear_output", new JsonObject { ["wait"] = clear.Wait }),
        _ => throw new ArgumentException($"Expected a stream, display, update, clear, result or error output, got {output.GetType().Name}.", nameof(output)),
    };

    /// <summary>ename, evalue and traceback, as both the error message and a failed execute_reply carry them.</summary>
    public static JsonObject Error(ErrorOutput error) => new()
    {
        ["ename"] = error.Name,
        ["evalue"] = error.Value,
        ["traceback"] = new JsonArray(error.Traceback.Select(line => (JsonNode?)line).ToArray()),
    };

    static JsonObject Display(IReadOnlyDictionary<string, string> data, string displayId) => new()
    {
        ["data"] = Bundle(data), ["metadata"] = new JsonObject(), ["transient"] = new JsonObject { ["display_id"] = displayId },
    };

    /// <summary>A mime bundle on the wire: JSON mime types as JSON, everything else as one string.</summary>
    static JsonObject Bundle(IReadOnlyDictionary<string, string> data)
    {
        var bundle = new JsonObject();
        foreach (var (mime, text) in data)
            bundle[mime] = mime.EndsWith("json", StringComparison.Ordinal) ? JsonNode.Parse(text) : text;
        return bundle;
    }
}
