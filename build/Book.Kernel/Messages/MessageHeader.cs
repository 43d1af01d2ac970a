using System.Globalization;
using System.Text.Json.Nodes;

namespace Book.Kernel.Messages;

/// <summary>Headers of the messages the kernel sends (protocol 5.3).</summary>
public static class MessageHeader
{
    /// <summary>The protocol version the kernel speaks.</summary>
    public const string ProtocolVersion = "5.3";

    /// <summary>This kernel process's session id, in every header it sends.</summary>
    public static readonly string KernelSession = Guid.NewGuid().ToString("N");

    /// <summary>A new header: fresh msg_id, and a UTC date with six fractional digits (more breaks Python clients).</summary>
    public static JsonObject New(string messageType) => new()
    {
        ["msg_id"] = Guid.NewGuid().ToString("N"),
        ["session"] = KernelSession,
        ["username"] = "kernel",
        ["date"] = DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
        ["msg_type"] = messageType,
        ["version"] = ProtocolVersion,
    };
}
