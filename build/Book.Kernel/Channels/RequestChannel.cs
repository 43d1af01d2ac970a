using System.Text.Json.Nodes;
using Book.Kernel.Diagnostics;
using Book.Kernel.Handlers;
using Book.Kernel.Messages;
using NetMQ;
using NetMQ.Sockets;

namespace Book.Kernel.Channels;

/// <summary>
/// A request/reply channel (shell or control): a ROUTER socket served by its own thread. Each message
/// is checked (<see cref="WireFormat.Decode"/>) — anything malformed, not correctly signed or replayed is
/// logged and dropped — then handed to the handler of its type between a "busy" and an "idle" status on
/// iopub. Nothing a request holds can end the thread: a failure is logged and the channel serves on.
/// </summary>
public sealed class RequestChannel : IDisposable
{
    static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);
    readonly string name;
    readonly MessageSigner signer;
    readonly SignatureHistory history;
    readonly IoPubPublisher iopub;
    readonly KernelLog log;
    readonly IReadOnlyDictionary<string, IRequestHandler> handlers;
    readonly CancellationToken stop;
    readonly Thread thread;

    /// <summary>Binds the socket and starts serving until <paramref name="stop"/> is cancelled.</summary>
    /// <param name="history">Signatures already accepted, shared by the channels of one kernel (replays are dropped).</param>
    public RequestChannel(string name, string endpoint, MessageSigner signer, SignatureHistory history, IoPubPublisher iopub, KernelLog log,
        IEnumerable<IRequestHandler> handlers, CancellationToken stop)
    {
        this.name = name;
        this.signer = signer;
        this.history = history;
        this.iopub = iopub;
        this.log = log;
        this.handlers = handlers.ToDictionary(h => h.RequestType);
        this.stop = stop;
        var socket = new RouterSocket();
        socket.Options.Linger = TimeSpan.FromSeconds(1);
        socket.Bind(endpoint);
        thread = new Thread(() => Run(socket)) { IsBackground = true, Name = name };
        thread.Start();
    }

    void Run(RouterSocket socket)
    {
        using (socket)
        {
            NetMQMessage? frames = null;
            while (!stop.IsCancellationRequested)
                if (socket.TryReceiveMultipartMessage(Poll, ref frames) && Receive(frames) is { } request)
                {
                    try { Serve(socket, request); }
                    catch (Exception e) { log.Write($"{name}: could not serve a {request.Type}: {e.GetType().Name}: {e.Message}"); }
                }
        }
    }

    JupyterMessage? Receive(NetMQMessage frames)
    {
        try { return WireFormat.Decode(frames, signer, history); }
        catch (InvalidMessageException e)
        {
            log.Write($"{name}: dropped a message: {e.Message}");
            return null;
        }
    }

    void Serve(RouterSocket socket, JupyterMessage request)
    {
        iopub.Status(request, "busy");
        try
        {
            if (!handlers.TryGetValue(request.Type, out var handler))
            {
                log.Write($"{name}: ignored a '{request.Type}': expected one of {string.Join(", ", handlers.Keys)}");
                return;
            }
            var reply = Answer(handler, request);
            Send(socket, request.Child(ReplyType(request.Type), reply.Content));
            if (reply.AbortQueued) AbortQueued(socket, request.Type);
        }
        finally
        {
            iopub.Status(request, "idle");
        }
    }

    HandlerReply Answer(IRequestHandler handler, JupyterMessage request)
    {
        try { return handler.Handle(request); }
        catch (Exception e)
        {
            log.Write($"{name}: {request.Type} failed: {e}");
            return new HandlerReply(new JsonObject
            {
                ["status"] = "error", ["ename"] = e.GetType().Name, ["evalue"] = e.Message, ["traceback"] = new JsonArray(e.ToString()),
            });
        }
    }

    /// <summary>Answers requests of <paramref name="type"/> that are already waiting with "aborted"; serves the others.</summary>
    void AbortQueued(RouterSocket socket, string type)
    {
        NetMQMessage? frames = null;
        while (socket.TryReceiveMultipartMessage(TimeSpan.Zero, ref frames))
        {
            if (Receive(frames) is not { } request) continue;
            if (request.Type != type)
            {
                Serve(socket, request);
                continue;
            }
            iopub.Status(request, "busy");
            Send(socket, request.Child(ReplyType(type), new JsonObject { ["status"] = "aborted" }));
            iopub.Status(request, "idle");
        }
    }

    void Send(RouterSocket socket, JupyterMessage reply) => socket.SendMultipartMessage(WireFormat.Encode(reply, signer));

    static string ReplyType(string requestType) =>
        requestType.EndsWith("_request", StringComparison.Ordinal) ? requestType[..^"_request".Length] + "_reply" : requestType + "_reply";

    /// <summary>Waits up to <paramref name="timeout"/> for the thread to finish its request and close the socket.</summary>
    public bool Join(TimeSpan timeout) => thread.Join(timeout);

    /// <summary>Waits briefly for the serving thread to close its socket.</summary>
    public void Dispose() => Join(Poll * 5);
}
