using System.Text.Json.Nodes;
using Book.Engine.Execution;
using Book.Engine.Outputs;
using Book.Kernel.Channels;
using Book.Kernel.History;
using Book.Kernel.Messages;

namespace Book.Kernel.Handlers;

/// <summary>
/// execute_request: runs the code as the next cell of the <see cref="Book.Engine.Execution.Engine"/> and streams its outputs
/// to iopub as they happen. <c>silent</c> runs without any output and without counting;
/// <c>store_history: false</c> runs without counting and without entering the <see cref="KernelHistory"/>.
/// After a cell that could not be stopped, every request is answered with an error saying the kernel must be restarted.
/// </summary>
public sealed class ExecuteRequestHandler(Book.Engine.Execution.Engine engine, IoPubPublisher iopub, RunningCell running, KernelHistory history)
    : IRequestHandler
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
        bool storeHistory = request.Flag("store_history", true) && !silent;
        var cell = counter.Next(storeHistory);
        int count = cell.ExecutionCount;
        if (!silent) iopub.Publish(request, "execute_input", new JsonObject { ["code"] = code, ["execution_count"] = count });

        string? result = null;
        var error = engine.IsUsable ? Run(request, code, cell, silent, value => result = value) : Refuse(request, count, silent);
        if (storeHistory) history.Add(count, code, result);
        if (error is null)
            return HandlerReply.Ok(new JsonObject { ["execution_count"] = count, ["payload"] = new JsonArray(), ["user_expressions"] = new JsonObject() });
        var content = JupyterOutput.Error(error);
        content["status"] = "error";
        content["execution_count"] = count;
        return new HandlerReply(content, AbortQueued: request.Flag("stop_on_error", true));
    }

    /// <param name="onResult">Receives the plain text of the cell's value, for the history.</param>
    ErrorOutput? Run(JupyterMessage request, string code, CellLabel cell, bool silent, Action<string> onResult)
    {
        var token = running.Start();
        current = (request, cell.ExecutionCount);
        try
        {
            var result = engine.ExecuteAsync(code, output =>
                {
                    if (output is ResultOutput value && value.Data.TryGetValue("text/plain", out var text)) onResult(text);
                    if (!silent) iopub.PublishOutput(request, output, cell.ExecutionCount);
                }, cell.Name, token)
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
