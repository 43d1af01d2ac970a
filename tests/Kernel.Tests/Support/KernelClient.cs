using System.Diagnostics;
using System.Text.Json.Nodes;
using Book.Kernel.Connection;
using Book.Kernel.Messages;
using NetMQ;
using NetMQ.Sockets;

namespace Book.Tests.Support;

/// <summary>
/// A minimal front end over NetMQ, built on the kernel's own wire format: DEALER sockets on shell and
/// control, a SUBSCRIBER on iopub. Requests are signed with the connection's key unless a test builds
/// its own frames.
/// </summary>
sealed class KernelClient : IDisposable
{
    static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);
    readonly SubscriberSocket iopub = new();

    public KernelClient(ConnectionInfo connection)
    {
        Signer = new MessageSigner(connection.Key);
        Shell.Connect(connection.Endpoint(connection.ShellPort));
        Control.Connect(connection.Endpoint(connection.ControlPort));
        iopub.Connect(connection.Endpoint(connection.IoPubPort));
        iopub.SubscribeToAnyTopic();
    }

    public DealerSocket Shell { get; } = new();
    public DealerSocket Control { get; } = new();
    public MessageSigner Signer { get; }

    /// <summary>Sends kernel_info requests until iopub delivers (a subscriber misses what is published before it is connected).</summary>
    public void WaitUntilReady()
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < DefaultTimeout)
        {
            Send(Shell, Request("kernel_info_request"));
            ReceiveReply(Shell, DefaultTimeout);
            if (TryReceive(iopub, TimeSpan.FromMilliseconds(500)) is not null)
            {
                while (TryReceive(iopub, TimeSpan.FromMilliseconds(200)) is not null) { }
                return;
            }
        }
        throw new TimeoutException($"Expected iopub messages within {DefaultTimeout.TotalSeconds:0} s, got none.");
    }

    /// <summary>A request as a front end sends it.</summary>
    public static JupyterMessage Request(string type, JsonObject? content = null) =>
        new([], MessageHeader.New(type), new JsonObject(), new JsonObject(), content ?? new JsonObject(), []);

    /// <summary>An execute_request for <paramref name="code"/>.</summary>
    public static JupyterMessage Execute(string code) => Request("execute_request", new JsonObject
    {
        ["code"] = code, ["silent"] = false, ["store_history"] = true, ["user_expressions"] = new JsonObject(),
        ["allow_stdin"] = false, ["stop_on_error"] = true,
    });

    public void Send(NetMQSocket socket, JupyterMessage message) => socket.SendMultipartMessage(WireFormat.Encode(message, Signer));

    /// <summary>Sends <paramref name="request"/> and returns its reply.</summary>
    public JupyterMessage Ask(NetMQSocket socket, JupyterMessage request, TimeSpan? timeout = null)
    {
        Send(socket, request);
        var reply = ReceiveReply(socket, timeout ?? DefaultTimeout);
        Assert.Equal((string?)request.Header["msg_id"], (string?)reply.ParentHeader["msg_id"]);
        return reply;
    }

    /// <summary>The next message on shell or control; throws when none arrives in time.</summary>
    public JupyterMessage ReceiveReply(NetMQSocket socket, TimeSpan timeout) =>
        TryReceive(socket, timeout) ?? throw new TimeoutException($"Expected a reply within {timeout.TotalSeconds:0} s, got none.");

    /// <summary>The iopub messages caused by <paramref name="request"/>, up to its "idle" status.</summary>
    public List<JupyterMessage> OutputsOf(JupyterMessage request, TimeSpan? timeout = null)
    {
        var messages = new List<JupyterMessage>();
        var clock = Stopwatch.StartNew();
        var limit = timeout ?? DefaultTimeout;
        while (clock.Elapsed < limit)
        {
            // Compared as JSON: a test may send a msg_id that is not a string.
            if (TryReceive(iopub, TimeSpan.FromMilliseconds(200)) is not { } message
                || message.ParentHeader["msg_id"]?.ToJsonString() != request.Header["msg_id"]?.ToJsonString()) continue;
            if (message.Type == "status" && (string?)message.Content["execution_state"] == "idle") return messages;
            messages.Add(message);
        }
        throw new TimeoutException($"Expected an idle status for {request.Type} within {limit.TotalSeconds:0} s; got {string.Join(", ", messages.Select(m => m.Type))}.");
    }

    /// <summary>The first iopub message of <paramref name="type"/> caused by <paramref name="request"/> (when no idle status will follow).</summary>
    public JupyterMessage OutputOf(JupyterMessage request, string type, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
            if (TryReceive(iopub, TimeSpan.FromMilliseconds(200)) is { } message && message.Type == type
                && message.ParentHeader["msg_id"]?.ToJsonString() == request.Header["msg_id"]?.ToJsonString())
                return message;
        throw new TimeoutException($"Expected a {type} message for {request.Type} within {timeout.TotalSeconds:0} s, got none.");
    }

    JupyterMessage? TryReceive(NetMQSocket socket, TimeSpan timeout)
    {
        NetMQMessage? frames = null;
        return socket.TryReceiveMultipartMessage(timeout, ref frames) ? WireFormat.Decode(frames, Signer) : null;
    }

    public void Dispose()
    {
        Shell.Dispose();
        Control.Dispose();
        iopub.Dispose();
    }
}
