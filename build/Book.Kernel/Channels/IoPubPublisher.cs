using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using Book.Engine.Execution;
using Book.Engine.Outputs;
using Book.Kernel.Diagnostics;
using Book.Kernel.Messages;
using NetMQ;
using NetMQ.Sockets;

namespace Book.Kernel.Channels;

/// <summary>
/// The iopub channel: status, inputs and outputs broadcast to every front end. Cells write from any
/// thread, so messages are queued and one thread owns the socket and sends them, in order. Text
/// that a cell printed in quick succession to the same stream leaves as one message (joined by a
/// <see cref="StreamText"/>, in linear time); outputs become messages by <see cref="JupyterOutput"/>,
/// as they become stored outputs in <c>book run</c>.
/// </summary>
public sealed class IoPubPublisher : IDisposable
{
    static readonly TimeSpan StreamWait = TimeSpan.FromMilliseconds(10);
    readonly BlockingCollection<Outgoing> queue = new();
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
    public void Publish(JupyterMessage parent, string messageType, JsonObject content) =>
        Enqueue(new Outgoing(parent, messageType, content, null, 0));

    /// <summary>Queues an output of the cell that <paramref name="parent"/> runs, as execution <paramref name="executionCount"/>.</summary>
    public void PublishOutput(JupyterMessage parent, CellOutput output, int executionCount) =>
        Enqueue(new Outgoing(parent, JupyterOutput.MessageType(output), null, output, executionCount));

    void Enqueue(Outgoing item)
    {
        try { queue.Add(item); }
        catch (InvalidOperationException) { log.Write($"iopub: closed, dropped {item.Type}"); }
    }

    /// <summary>Queues the kernel's state ("busy" or "idle") while it handles <paramref name="parent"/>.</summary>
    public void Status(JupyterMessage parent, string state) =>
        Publish(parent, "status", new JsonObject { ["execution_state"] = state });

    void Run(PublisherSocket socket)
    {
        using (socket)
        {
            var batch = new List<Outgoing>();
            foreach (var first in queue.GetConsumingEnumerable())
            {
                batch.Add(first);
                // After a piece of printed text, wait a moment for the rest of the line (WriteLine(42) writes "42", then "\n").
                while (batch.Count < 256 && queue.TryTake(out var next, batch[^1].Output is StreamOutput ? StreamWait : TimeSpan.Zero)) batch.Add(next);
                foreach (var item in MergeStreams(batch)) Send(socket, item);
                batch.Clear();
            }
        }
    }

    void Send(PublisherSocket socket, Outgoing item)
    {
        try
        {
            var content = item.Content ?? JupyterOutput.MessageContent(item.Output!, item.ExecutionCount);
            var message = item.Parent.Child(item.Type, content, [Encoding.UTF8.GetBytes($"kernel.{MessageHeader.KernelSession}.{item.Type}")]);
            socket.SendMultipartMessage(WireFormat.Encode(message, signer));
        }
        catch (Exception e)
        {
            // Whatever a request or an output held, the thread that serves every front end must not die of it.
            log.Write($"iopub: could not send {item.Type}: {e.GetType().Name}: {e.Message}");
        }
    }

    /// <summary>
    /// The batch as messages, with consecutive text of the same cell run (the same request object, whatever
    /// its msg_id holds) and stream joined into one message.
    /// </summary>
    static IEnumerable<Outgoing> MergeStreams(List<Outgoing> batch)
    {
        for (int i = 0; i < batch.Count; i++)
        {
            var item = batch[i];
            if (item.Output is not StreamOutput stream)
            {
                yield return item;
                continue;
            }
            var text = new StreamText(stream.Name);
            text.Append(stream.Text);
            while (i + 1 < batch.Count && batch[i + 1].Output is StreamOutput more && more.Name == stream.Name
                   && ReferenceEquals(batch[i + 1].Parent, item.Parent))
            {
                text.Append(more.Text);
                i++;
            }
            yield return item with { Output = new StreamOutput(stream.Name, text.ToString()) };
        }
    }

    /// <summary>A queued message: its parent request and either ready content or a cell output to turn into content.</summary>
    sealed record Outgoing(JupyterMessage Parent, string Type, JsonObject? Content, CellOutput? Output, int ExecutionCount);

    /// <summary>Sends what is queued (waiting up to two seconds), then closes the socket.</summary>
    public void Dispose()
    {
        queue.CompleteAdding();
        thread.Join(TimeSpan.FromSeconds(2));
    }
}
