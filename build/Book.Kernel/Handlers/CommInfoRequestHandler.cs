using System.Text.Json.Nodes;
using Book.Kernel.Messages;

namespace Book.Kernel.Handlers;

/// <summary>comm_info_request: the kernel opens no comms (no widgets), so the list is empty.</summary>
public sealed class CommInfoRequestHandler : IRequestHandler
{
    /// <inheritdoc />
    public string RequestType => "comm_info_request";

    /// <inheritdoc />
    public HandlerReply Handle(JupyterMessage request) => HandlerReply.Ok(new JsonObject { ["comms"] = new JsonObject() });
}
