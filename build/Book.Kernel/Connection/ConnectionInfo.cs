using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Book.Engine.Chapters;

namespace Book.Kernel.Connection;

/// <summary>
/// A Jupyter connection file: where the kernel's five sockets listen and the key that signs every
/// message. The kernel serves this machine only: an address that is not loopback is refused.
/// </summary>
public sealed record ConnectionInfo(string IpAddress, int ShellPort, int IoPubPort, int StdinPort, int ControlPort,
    int HeartbeatPort, string Key)
{
    /// <summary>The only transport the kernel speaks.</summary>
    public const string Transport = "tcp";

    /// <summary>The only signature scheme the kernel accepts.</summary>
    public const string SignatureScheme = "hmac-sha256";

    /// <summary>The ZeroMQ address of a port, e.g. <c>tcp://127.0.0.1:5555</c>.</summary>
    public string Endpoint(int port) => $"{Transport}://{(IpAddress.Contains(':') ? $"[{IpAddress}]" : IpAddress)}:{port}";

    /// <summary>Reads and checks a connection file; errors name the file, what was expected and what came.</summary>
    public static ConnectionInfo Load(string path)
    {
        if (!File.Exists(path)) throw new ConnectionFileException(path, "the file does not exist");
        JsonNode? node;
        try { node = JsonNode.Parse(File.ReadAllText(path)); }
        catch (JsonException e) { throw new ConnectionFileException(path, $"it is not valid JSON ({e.Message})"); }
        if (node is not JsonObject json) throw new ConnectionFileException(path, "expected a JSON object");
        return FromJson(json, path);
    }

    /// <summary>Builds the connection from the file's JSON object (checked as <see cref="Load"/> does).</summary>
    public static ConnectionInfo FromJson(JsonObject json, string path)
    {
        string transport = Text(json, "transport", path, Transport);
        if (transport != Transport)
            throw new ConnectionFileException(path, $"expected transport '{Transport}', found '{transport}'");
        string scheme = Text(json, "signature_scheme", path, SignatureScheme);
        if (scheme != SignatureScheme)
            throw new ConnectionFileException(path, $"expected signature_scheme '{SignatureScheme}', found '{scheme}'");
        string key = Text(json, "key", path, "");
        if (key.Length == 0)
            throw new ConnectionFileException(path, "expected a non-empty 'key': the kernel does not run unauthenticated");
        string ip = Text(json, "ip", path, "127.0.0.1");
        if (!IsLoopback(ip))
            throw new ConnectionFileException(path, $"expected a loopback 'ip' (127.0.0.1 or ::1), found '{ip}': the kernel serves this machine only");
        return new ConnectionInfo(ip == "localhost" ? "127.0.0.1" : ip,
            Port(json, "shell_port", path), Port(json, "iopub_port", path), Port(json, "stdin_port", path),
            Port(json, "control_port", path), Port(json, "hb_port", path), key);
    }

    static bool IsLoopback(string ip) =>
        ip == "localhost" || (IPAddress.TryParse(ip, out var address) && IPAddress.IsLoopback(address));

    static string Text(JsonObject json, string name, string path, string fallback) => json[name] switch
    {
        null => fallback,
        JsonValue value when value.TryGetValue(out string? text) => text,
        var other => throw new ConnectionFileException(path, $"expected '{name}' to be a string, found {other.ToJsonString()}"),
    };

    static int Port(JsonObject json, string name, string path) => json[name] switch
    {
        JsonValue value when value.TryGetValue(out int port) && port is > 0 and < 65536 => port,
        null => throw new ConnectionFileException(path, $"expected a port number in '{name}', found nothing"),
        var other => throw new ConnectionFileException(path, $"expected '{name}' to be a port number (1–65535), found {other.ToJsonString()}"),
    };
}

/// <summary>A connection file the kernel cannot use, with the path and the reason (shown without a stack trace).</summary>
public sealed class ConnectionFileException(string path, string reason)
    : BookException($"Connection file '{path}' cannot be used: {reason}.");
