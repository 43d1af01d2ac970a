using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace Book.Tests.Browser;

/// <summary>
/// A Chrome DevTools Protocol connection over one WebSocket: commands are JSON messages with an id whose
/// reply carries the same id; everything else is an event, handed to <see cref="EventReceived"/>.
/// With flattened sessions (Target.attachToTarget, flatten: true) a page's traffic carries its sessionId.
/// </summary>
sealed class DevToolsConnection : IAsyncDisposable
{
    readonly ClientWebSocket socket = new();
    readonly ConcurrentDictionary<int, TaskCompletionSource<JsonObject>> pending = new();
    readonly CancellationTokenSource closing = new();
    Task receiving = Task.CompletedTask;
    int lastId;

    /// <summary>Raised for every event: (method, params, sessionId).</summary>
    public event Action<string, JsonObject, string?>? EventReceived;

    /// <summary>Connects to the browser endpoint <paramref name="endpoint"/> (ws://127.0.0.1:PORT/devtools/browser/ID).</summary>
    public static async Task<DevToolsConnection> ConnectAsync(Uri endpoint)
    {
        var connection = new DevToolsConnection();
        connection.socket.Options.KeepAliveInterval = TimeSpan.Zero;
        await connection.socket.ConnectAsync(endpoint, CancellationToken.None);
        connection.receiving = Task.Run(connection.ReceiveAsync);
        return connection;
    }

    /// <summary>Sends a command and returns its result; a protocol error becomes an exception naming the command.</summary>
    public async Task<JsonObject> SendAsync(string method, JsonObject? parameters = null, string? sessionId = null, TimeSpan? timeout = null)
    {
        int id = Interlocked.Increment(ref lastId);
        var reply = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        pending[id] = reply;
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters ?? new JsonObject() };
        if (sessionId is not null) message["sessionId"] = sessionId;
        await socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, true, closing.Token);
        var answer = await reply.Task.WaitAsync(timeout ?? TimeSpan.FromSeconds(30));
        if (answer["error"] is JsonObject error)
            throw new InvalidOperationException($"DevTools command {method} failed: {error.ToJsonString()}");
        return answer["result"] as JsonObject ?? new JsonObject();
    }

    async Task ReceiveAsync()
    {
        var buffer = new byte[1 << 16];
        var message = new MemoryStream();
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var part = await socket.ReceiveAsync(buffer, closing.Token);
                if (part.MessageType == WebSocketMessageType.Close) break;
                message.Write(buffer, 0, part.Count);
                if (!part.EndOfMessage) continue;
                Dispatch(JsonNode.Parse(message.ToArray())!.AsObject());
                message.SetLength(0);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException) { }
        foreach (var waiting in pending.Values) waiting.TrySetException(new InvalidOperationException("The DevTools connection closed before the reply came."));
    }

    void Dispatch(JsonObject message)
    {
        if (message["id"] is JsonValue id && pending.TryRemove(id.GetValue<int>(), out var reply))
            reply.TrySetResult(message);
        else if ((string?)message["method"] is { } method)
            EventReceived?.Invoke(method, message["params"] as JsonObject ?? new JsonObject(), (string?)message["sessionId"]);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await closing.CancelAsync();
        await receiving;
        socket.Dispose();
        closing.Dispose();
    }
}
