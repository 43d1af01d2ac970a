using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using Book.Kernel.Diagnostics;
using Book.Kernel.Messages;
using NetMQ;
using NetMQ.Sockets;

namespace Book.Kernel.Channels;

/// <summary>
/// The iopub channel: status, inputs and outputs broadcast to every front end. Cells write from any
/// thread, so messages are queued and one thread owns the socket and sends them, in order. Text
/// that a cell printed in quick succession to the same stream leaves as one message.
/// </summary>
public sealed class IoPubPublisher : IDisposable
{
    static readonly TimeSpan StreamWait = TimeSpan.FromMilliseconds(10);
    readonly BlockingCollection<JupyterMessage> queue = new();
    readonly MessageSigner signer;
    readonly KernelLog log;
    readonly Thread thread;

    /// <summary>Binds the socket (so a busy port fails here) and starts the sending thread.</summary>
    public IoPubPublisher(string endpoint, MessageSigner signer, KernelLog log)
    {
        this.signer = signer;
        this.log = log;
        var socket = new PublisherSocket();
        socket.Options.Linger = TimeSpan.FromSeconds(1);
        socket.Bind(endpoint);
        thread = new Thread(() => Run(socket)) { IsBackground = true, Name = "iopub" };
        thread.Start();
    }

    /// <summary>Queues a message caused by <paramref name="parent"/>; after <see cref="Dispose"/> (a cell still writing at shutdown) it is dropped.</summary>
    public void Publish(JupyterMessage parent, string messageType, JsonObject content)
    {
        var message = parent.Child(messageType, content, [Encoding.UTF8.GetBytes($"kernel.{MessageHeader.KernelSession}.{messageType}")]);
        try { queue.Add(message); }
        catch (InvalidOperationException) { log.Write($"iopub: closed, dropped {messageType}"); }
    }

    /// <summary>Queues the kernel's state ("busy" or "idle") while it handles <paramref name="parent"/>.</summary>
    public void Status(JupyterMessage parent, string state) =>
        Publish(parent, "status", new JsonObject { ["execution_state"] = state });

    void Run(PublisherSocket socket)
    {
        using (socket)
        {
            var batch = new List<JupyterMessage>();
            foreach (var first in queue.GetConsumingEnumerable())
            {
                batch.Add(first);
                // After a piece of printed text, wait a moment for the rest of the line (WriteLine(42) writes "42", then "\n").
                while (batch.Count < 256 && queue.TryTake(out var next, batch[^1].Type == "stream" ? StreamWait : TimeSpan.Zero)) batch.Add(next);
                foreach (var message in MergeStreams(batch))
                {
                    try { socket.SendMultipartMessage(WireFormat.Encode(message, signer)); }
                    catch (Exception e) when (e is NetMQException or ObjectDisposedException) { log.Write($"iopub: could not send {message.Type}: {e.Message}"); }
                }
                batch.Clear();
            }
        }
    }

    /// <summary>Joins consecutive stream messages of the same request and stream into one.</summary>
    static IEnumerable<JupyterMessage> MergeStreams(List<JupyterMessage> batch)
    {
        JupyterMessage? pending = null;
        foreach (var message in batch)
        {
            if (pending is not null && message.Type == "stream" && SameStream(pending, message))
            {
                pending.Content["text"] = (string)pending.Content["text"]! + (string)message.Content["text"]!;
                continue;
            }
            if (pending is not null) yield return pending;
            pending = message;
        }
        if (pending is not null) yield return pending;
    }

    static bool SameStream(JupyterMessage a, JupyterMessage b) =>
        a.Type == "stream" && (string?)a.Content["name"] == (string?)b.Content["name"]
        && (string?)a.ParentHeader["msg_id"] == (string?)b.ParentHeader["msg_id"];

    /// <summary>Sends what is queued (waiting up to two seconds), then closes the socket.</summary>
    public void Dispose()
    {
        queue.CompleteAdding();
        thread.Join(TimeSpan.FromSeconds(2));
    }
}
