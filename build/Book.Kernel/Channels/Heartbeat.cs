using NetMQ;
using NetMQ.Sockets;

namespace Book.Kernel.Channels;

/// <summary>The heartbeat channel: echoes every ping, so a front end can tell the kernel is alive.</summary>
public sealed class Heartbeat : IDisposable
{
    static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(200);
    readonly CancellationTokenSource stop = new();
    readonly Thread thread;

    /// <summary>Binds the socket and starts echoing.</summary>
    public Heartbeat(string endpoint)
    {
        var socket = new ResponseSocket();
        socket.Bind(endpoint);
        thread = new Thread(() => Run(socket)) { IsBackground = true, Name = "heartbeat" };
        thread.Start();
    }

    void Run(ResponseSocket socket)
    {
        using (socket)
        {
            NetMQMessage? ping = null;
            while (!stop.IsCancellationRequested)
                if (socket.TryReceiveMultipartMessage(Poll, ref ping)) socket.SendMultipartMessage(ping);
        }
    }

    /// <summary>Stops echoing and closes the socket.</summary>
    public void Dispose()
    {
        stop.Cancel();
        thread.Join(Poll * 5);
        stop.Dispose();
    }
}
