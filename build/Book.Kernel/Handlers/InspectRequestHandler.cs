using System.Text.Json.Nodes;
using Book.Engine.Execution;
using Book.Kernel.Messages;

namespace Book.Kernel.Handlers;

/// <summary>inspect_request: the signature and documentation of the symbol at the cursor.</summary>
public sealed class InspectRequestHandler(Book.Engine.Execution.Engine engine) : IRequestHandler
{
    /// <inheritdoc />
    public string RequestType => "inspect_request";

    /// <inheritdoc />
    public HandlerReply Handle(JupyterMessage request)
    {
        string code = request.Text("code");
        string? text = engine.Describe(code, CodePoints.ToUtf16Index(code, request.Number("cursor_pos", int.MaxValue)));
        return HandlerReply.Ok(new JsonObject
        {
            ["found"] = text is not null,
            ["data"] = text is null ? new JsonObject() : new JsonObject { ["text/plain"] = text },
            ["metadata"] = new JsonObject(),
        });
    }
}
