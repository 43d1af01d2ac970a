using System.Text.Json.Nodes;
using Book.Engine.Execution;
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
    int executionCount;

    /// <inheritdoc />
    public string RequestType => "execute_request";

    /// <inheritdoc />
    public HandlerReply Handle(JupyterMessage request)
    {
        string code = request.Text("code");
        bool silent = request.Flag("silent", false);
        if (request.Flag("store_history", true) && !silent) executionCount++;
        int count = executionCount;
        if (!silent) iopub.Publish(request, "execute_input", new JsonObject { ["code"] = code, ["execution_count"] = count });

        string? result = null;
        var error = engine.IsUsable ? Run(request, code, count, silent, value => result = value) : Refuse(request, count, silent);
        if (request.Flag("store_history", true) && !silent) history.Add(count, code, result);
        if (error is null)
            return HandlerReply.Ok(new JsonObject { ["execution_count"] = count, ["payload"] = new JsonArray(), ["user_expressions"] = new JsonObject() });
        var content = OutputMessage.Error(error);
        content["status"] = "error";
        content["execution_count"] = count;
        return new HandlerReply(content, AbortQueued: request.Flag("stop_on_error", true));
    }

    /// <param name="onResult">Receives the plain text of the cell's value, for the history.</param>
    ErrorOutput? Run(JupyterMessage request, string code, int count, bool silent, Action<string> onResult)
    {
        var token = running.Start();
        try
        {
            var result = engine.ExecuteAsync(code, output =>
                {
                    if (output is ResultOutput value && value.Data.TryGetValue("text/plain", out var text)) onResult(text);
                    if (!silent) Show(request, output, count);
                }, $"cell {count}", token)
                .GetAwaiter().GetResult();
            return result.Error;
        }
        finally
        {
            running.Finish();
        }
    }

    ErrorOutput Refuse(JupyterMessage request, int count, bool silent)
    {
        if (!silent) Show(request, RestartNeeded, count);
        return RestartNeeded;
    }

    void Show(JupyterMessage request, CellOutput output, int count)
    {
        var (type, content) = OutputMessage.From(output, count);
        iopub.Publish(request, type, content);
    }

    static readonly ErrorOutput RestartNeeded = new("KernelRestartNeeded",
        "An earlier cell could not be stopped and may still be running: restart the kernel to run more cells.",
        ["An earlier cell could not be stopped and may still be running: restart the kernel to run more cells."]);
}
