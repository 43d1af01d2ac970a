using System.Text.Json.Nodes;
using Book.Engine.Execution;
using Book.Kernel.Messages;

namespace Book.Kernel.Handlers;

/// <summary>is_complete_request: whether a console front end should run the code or wait for more lines.</summary>
public sealed class IsCompleteRequestHandler : IRequestHandler
{
    /// <inheritdoc />
    public string RequestType => "is_complete_request";

    /// <inheritdoc />
    public HandlerReply Handle(JupyterMessage request)
    {
        var completeness = CellSyntax.Completeness(request.Text("code"));
        var content = new JsonObject { ["status"] = completeness.ToString().ToLowerInvariant() };
        if (completeness == SubmissionCompleteness.Incomplete) content["indent"] = "    ";
        return new HandlerReply(content);
    }
}
