using System.Text.Json.Nodes;
using Book.Kernel.Messages;

namespace Book.Kernel.Handlers;

/// <summary>
/// shutdown_request: interrupts the running cell and ends the kernel after the reply. For a restart
/// the front end starts a new kernel process, which gets a fresh engine.
/// </summary>
public sealed class ShutdownRequestHandler(CancellationTokenSource stop, RunningCell running) : IRequestHandler
{
    /// <inheritdoc />
    public string RequestType => "shutdown_request";

    /// <inheritdoc />
    public HandlerReply Handle(JupyterMessage request)
    {
        bool restart = request.Flag("restart", false);
        running.Interrupt();
        stop.Cancel();
        return HandlerReply.Ok(new JsonObject { ["restart"] = restart });
    }
}
