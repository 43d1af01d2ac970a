using System.Text.Json.Nodes;
using Book.Engine.Execution;
using Book.Engine.Outputs;
using Book.Kernel.Channels;
using Book.Kernel.Messages;

namespace Book.Kernel.Handlers;

/// <summary>
/// execute_request: runs the code as the next cell of the <see cref="Book.Engine.Execution.Engine"/> and streams its outputs
/// to iopub as they happen. <c>silent</c> runs without any output and without counting;
/// <c>store_history: false</c> runs without counting. After a cell that could not be stopped, every
/// request is answered with an error saying the kernel must be restarted.
/// </summary>
public sealed class ExecuteRequestHandler(Book.Engine.Execution.Engine engine, IoPubPublisher iopub, RunningCell running) : IRequestHandler
{
    readonly ExecutionCounter counter = new();
    (JupyterMessage Request, int Count)? current;

    /// <inheritdoc />
    public string RequestType => "execute_request";

    /// <inheritdoc />
    public HandlerReply Handle(JupyterMessage request)
    {
        string code = request.Text("code");
        bool silent = request.Flag("silent", false);
        var cell = counter.Next(storeHistory: request.Flag("store_history", true) && !silent);
        int count = cell.ExecutionCount;
        if (!silent) iopub.Publish(request, "execute_input", new JsonObject { ["code"] = code, ["execution_count"] = count });

        var error = engine.IsUsable ? Run(request, code, cell, silent) : Refuse(request, count, silent);
        if (error is null)
            return HandlerReply.Ok(new JsonObject { ["execution_count"] = count, ["payload"] = new JsonArray(), ["user_expressions"] = new JsonObject() });
        var content = JupyterOutput.Error(error);
        content["status"] = "error";
        content["execution_count"] = count;
        return new HandlerReply(content, AbortQueued: request.Flag("stop_on_error", true));
    }

    ErrorOutput? Run(JupyterMessage request, string code, CellLabel cell, bool silent)
    {
        var token = running.Start();
        current = (request, cell.ExecutionCount);
        try
        {
            var result = engine.ExecuteAsync(code, output => { if (!silent) iopub.PublishOutput(request, output, cell.ExecutionCount); }, cell.Name, token)
                .GetAwaiter().GetResult();
            return result.Error;
        }
        finally
        {
            current = null;
            running.Finish();
        }
    }

    /// <summary>Shows, under the running cell, that it ended the kernel's process (<see cref="CellExitGuard"/>).</summary>
    public void ReportExit(CellExit exit)
    {
        if (current is not { } cell) return;
        string value = $"{exit.Describe()}; the kernel has ended: restart it to run more cells.";
        iopub.PublishOutput(cell.Request, new ErrorOutput("EnvironmentExit", value, [value]), cell.Count);
    }

    ErrorOutput Refuse(JupyterMessage request, int count, bool silent)
    {
        if (!silent) iopub.PublishOutput(request, RestartNeeded, count);
        return RestartNeeded;
    }

    static readonly ErrorOutput RestartNeeded = new("KernelRestartNeeded",
        "An earlier cell could not be stopped and may still be running: restart the kernel to run more cells.",
        ["An earlier cell could not be stopped and may still be running: restart the kernel to run more cells."]);
}
