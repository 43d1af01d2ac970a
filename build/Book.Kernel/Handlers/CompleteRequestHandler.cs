using System.Text.Json.Nodes;
using Book.Engine.Execution;
using Book.Kernel.Messages;

namespace Book.Kernel.Handlers;

/// <summary>complete_request: the names that fit at the cursor, from Roslyn over the cells run so far.</summary>
public sealed class CompleteRequestHandler(Book.Engine.Execution.Engine engine) : IRequestHandler
{
    /// <inheritdoc />
    public string RequestType => "complete_request";

    /// <inheritdoc />
    public HandlerReply Handle(JupyterMessage request)
    {
        string code = request.Text("code");
        int cursor = CodePoints.ToUtf16Index(code, request.Number("cursor_pos", int.MaxValue));
        var completions = engine.Complete(code, cursor);
        int start = CodePoints.FromUtf16Index(code, completions.Start), end = CodePoints.FromUtf16Index(code, completions.End);
        return HandlerReply.Ok(new JsonObject
        {
            ["matches"] = new JsonArray(completions.Items.Select(item => (JsonNode?)item.Name).ToArray()),
            ["cursor_start"] = start,
            ["cursor_end"] = end,
            ["metadata"] = new JsonObject
            {
                // JupyterLab and VS Code show these as the kinds of the suggestions.
                ["_jupyter_types_experimental"] = new JsonArray(completions.Items.Select(item => (JsonNode?)new JsonObject
                {
                    ["start"] = start, ["end"] = end, ["text"] = item.Name, ["type"] = item.Kind, ["signature"] = item.Signature,
                }).ToArray()),
            },
        });
    }
}
