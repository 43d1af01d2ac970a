using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using NetMQ;

namespace Book.Kernel.Messages;

/// <summary>
/// Jupyter's wire format: routing identities, the <c>&lt;IDS|MSG&gt;</c> delimiter, the HMAC signature,
/// header, parent header, metadata, content, then binary buffers. Decoding checks the signature
/// before anything is parsed, so an unsigned, wrongly signed or replayed message never reaches a handler.
/// </summary>
public static class WireFormat
{
    static readonly byte[] Delimiter = "<IDS|MSG>"u8.ToArray();
    static readonly string[] JsonPartNames = ["header", "parent_header", "metadata", "content"];

    /// <summary>The frames of a message, signed.</summary>
    public static NetMQMessage Encode(JupyterMessage message, MessageSigner signer)
    {
        byte[][] json = [Utf8(message.Header), Utf8(message.ParentHeader), Utf8(message.Metadata), Utf8(message.Content)];
        var frames = new NetMQMessage();
        foreach (var identity in message.Identities) frames.Append(identity);
        frames.Append(Delimiter);
        frames.Append(Encoding.ASCII.GetBytes(signer.Sign(json)));
        foreach (var part in json) frames.Append(part);
        foreach (var buffer in message.Buffers) frames.Append(buffer);
        return frames;
    }

    /// <summary>Reads a received message; throws <see cref="InvalidMessageException"/> saying what was wrong.</summary>
    /// <param name="history">The signatures already accepted: a message that repeats one is refused as a replay.</param>
    public static JupyterMessage Decode(NetMQMessage frames, MessageSigner signer, SignatureHistory? history = null)
    {
        var all = frames.Select(frame => frame.ToByteArray()).ToList();
        int delimiter = all.FindIndex(frame => frame.AsSpan().SequenceEqual(Delimiter));
        if (delimiter < 0)
            throw new InvalidMessageException($"expected a <IDS|MSG> delimiter frame, found none among {all.Count} frames");
        if (all.Count < delimiter + 6)
            throw new InvalidMessageException($"expected a signature and 4 JSON frames after <IDS|MSG>, found {all.Count - delimiter - 1} frames");
        string signature = Encoding.ASCII.GetString(all[delimiter + 1]);
        var json = all.GetRange(delimiter + 2, 4);
        if (signature.Length == 0)
            throw new InvalidMessageException("expected an HMAC-SHA256 signature, found an unsigned message");
        if (!signer.IsValid(signature, json))
            throw new InvalidMessageException("expected the HMAC-SHA256 signature of the message with the connection file's key, found a different signature");
        if (history is not null && !history.Add(signature))
            throw new InvalidMessageException("expected a new message, found a signature the kernel already accepted once (a replayed message)");
        var parts = json.Select((bytes, i) => Parse(bytes, JsonPartNames[i])).ToArray();
        if (parts[0]["msg_type"] is not JsonValue type || !type.TryGetValue(out string? _) || parts[0]["msg_id"] is null)
            throw new InvalidMessageException($"expected a header with 'msg_type' and 'msg_id', found {parts[0].ToJsonString()}");
        return new JupyterMessage(all.GetRange(0, delimiter), parts[0], parts[1], parts[2], parts[3], all.Skip(delimiter + 6).ToList());
    }

    static JsonObject Parse(byte[] bytes, string part)
    {
        try
        {
            return JsonNode.Parse(bytes) as JsonObject
                ?? throw new InvalidMessageException($"expected the {part} frame to be a JSON object, found {Encoding.UTF8.GetString(bytes)}");
        }
        catch (JsonException e)
        {
            throw new InvalidMessageException($"expected the {part} frame to be JSON, found invalid JSON ({e.Message})");
        }
    }

    static byte[] Utf8(JsonObject json) => JsonSerializer.SerializeToUtf8Bytes(json);
}
