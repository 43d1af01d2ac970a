using System.Text.Json.Nodes;
using Book.Kernel.History;
using Book.Kernel.Messages;

namespace Book.Kernel.Handlers;

/// <summary>
/// history_request: earlier inputs for a console front end's history, by <c>hist_access_type</c> "tail" (the last
/// <c>n</c>), "range" (a session's lines <c>start</c> to <c>stop</c>) or "search" (a glob <c>pattern</c>, the last
/// <c>n</c>, <c>unique</c>). Each entry is [session, line, input], or [session, line, [input, output]] when
/// <c>output</c> is true. Inputs are kept as typed, so <c>raw</c> changes nothing.
/// </summary>
public sealed class HistoryRequestHandler(KernelHistory history) : IRequestHandler
{
    /// <inheritdoc />
    public string RequestType => "history_request";

    /// <inheritdoc />
    public HandlerReply Handle(JupyterMessage request)
    {
        var entries = request.Text("hist_access_type", "tail") switch
        {
            "tail" => history.Tail(request.Number("n", 10)),
            "range" => history.Range(request.Number("session", 0), request.Number("start", 0), request.Number("stop", 0)),
            "search" => history.Search(request.Text("pattern", "*"), request.Number("n", 0), request.Flag("unique", false)),
            _ => [],
        };
        bool output = request.Flag("output", false);
        return HandlerReply.Ok(new JsonObject
        {
            ["history"] = new JsonArray(entries.Select(e => (JsonNode?)new JsonArray(e.Session, e.Line,
                output ? new JsonArray(e.Input, e.Output) : JsonValue.Create(e.Input))).ToArray()),
        });
    }
}
