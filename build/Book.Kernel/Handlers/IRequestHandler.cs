using System.Text.Json.Nodes;
using Book.Kernel.Messages;

namespace Book.Kernel.Handlers;

/// <summary>Answers one type of request on the shell or control channel.</summary>
public interface IRequestHandler
{
    /// <summary>The msg_type handled, e.g. "execute_request"; the reply is the matching "_reply".</summary>
    string RequestType { get; }

    /// <summary>Does what the request asks and returns the reply's content. Runs on the channel's thread.</summary>
    HandlerReply Handle(JupyterMessage request);
}

/// <summary>A reply's content; <paramref name="AbortQueued"/> asks the channel to abort requests of the same type already waiting (a failed cell with stop_on_error).</summary>
public sealed record HandlerReply(JsonObject Content, bool AbortQueued = false)
{
    /// <summary>A reply with status "ok" and the given fields.</summary>
    public static HandlerReply Ok(JsonObject? fields = null)
    {
        var content = fields ?? new JsonObject();
        content["status"] = "ok";
        return new HandlerReply(content);
    }
}
