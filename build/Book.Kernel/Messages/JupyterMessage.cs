using System.Text.Json.Nodes;

namespace Book.Kernel.Messages;

/// <summary>
/// One Jupyter message: the routing identities it came with, the four JSON parts and any binary
/// buffers. Content accessors check types and name what they expected.
/// </summary>
public sealed record JupyterMessage(IReadOnlyList<byte[]> Identities, JsonObject Header, JsonObject ParentHeader,
    JsonObject Metadata, JsonObject Content, IReadOnlyList<byte[]> Buffers)
{
    /// <summary>The header's msg_type, e.g. "execute_request".</summary>
    public string Type => (string)Header["msg_type"]!;

    /// <summary>A new message answering or caused by this one: same identities, this header as parent.</summary>
    public JupyterMessage Child(string messageType, JsonObject content, IReadOnlyList<byte[]>? identities = null) =>
        new(identities ?? Identities, MessageHeader.New(messageType), (JsonObject)Header.DeepClone(), new JsonObject(), content, []);

    /// <summary>A string field of the content, or <paramref name="fallback"/> when absent.</summary>
    public string Text(string name, string fallback = "") => Field(name, fallback);

    /// <summary>A boolean field of the content, or <paramref name="fallback"/> when absent.</summary>
    public bool Flag(string name, bool fallback) => Field(name, fallback);

    /// <summary>An integer field of the content, or <paramref name="fallback"/> when absent.</summary>
    public int Number(string name, int fallback) => Field(name, fallback);

    T Field<T>(string name, T fallback) => Content[name] switch
    {
        null => fallback,
        JsonValue value when value.TryGetValue(out T? typed) => typed,
        var other => throw new InvalidMessageException(
            $"expected '{name}' in the content of {Type} to be {JsonKind<T>()}, found {other.ToJsonString()}"),
    };

    static string JsonKind<T>() => typeof(T) == typeof(bool) ? "true or false" : typeof(T) == typeof(int) ? "an integer" : "a string";
}
