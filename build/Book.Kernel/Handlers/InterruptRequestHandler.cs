using Book.Kernel.Messages;

namespace Book.Kernel.Handlers;

/// <summary>
/// interrupt_request (control channel): cancels the running cell's token. The cell stops at its next
/// loop iteration or training batch; its execute_reply says so, or that a restart is needed when it
/// did not stop in time.
/// </summary>
public sealed class InterruptRequestHandler(RunningCell running) : IRequestHandler
{
    /// <inheritdoc />
    public string RequestType => "interrupt_request";

    /// <inheritdoc />
    public HandlerReply Handle(JupyterMessage request)
    {
        running.Interrupt();
        return HandlerReply.Ok();
    }
}
