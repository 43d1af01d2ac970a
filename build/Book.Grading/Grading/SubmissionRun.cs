using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Book.Engine.Notebooks;
using Book.Grading.Exercises;
using Book.Grading.Sandboxing;

namespace Book.Grading.Grading;

/// <summary>
/// Grades one notebook of one submission: plans its cells (<see cref="GradingPlan"/>), starts a runner in
/// the <see cref="Sandbox"/>, sends the cells one at a time and waits for each answer within the cell's
/// time limit. A check passes only when its answer carries the random token the grader appended to that
/// check's code for this run — text the learner's code prints, on the console or the runner's channel,
/// cannot carry a token it never saw. A hang, a crash or an exit stops the run: the checks not yet run get
/// no points and say why; those already run keep their results.
/// </summary>
public static class SubmissionRun
{
    /// <summary>Extra time for the first cell: the runner starts .NET, Roslyn and TorchSharp.</summary>
    public static readonly TimeSpan StartAllowance = TimeSpan.FromSeconds(60);

    /// <summary>Grades <paramref name="path"/> against <paramref name="assigned"/> in sandbox slot <paramref name="slot"/>.</summary>
    public static async Task<NotebookGrade> GradeAsync(string path, AssignedNotebook assigned, Sandbox sandbox, int slot,
        CancellationToken cancellation = default)
    {
        var clock = Stopwatch.StartNew();
        Notebook notebook;
        try { notebook = Notebook.Load(path); }
        catch (NotebookFormatException e)
        {
            return Ungraded(assigned, e.Message, clock.Elapsed);
        }
        var plan = GradingPlan.For(notebook, assigned);
        var results = new Dictionary<string, ExerciseResult>();
        string? stopped = await RunAsync(plan, assigned, sandbox, slot, results, cancellation);
        var notes = plan.Notes.ToList();
        if (stopped is not null) notes.Add(stopped);
        var all = assigned.FixedCells.Where(c => c.Check).Select(c => results.TryGetValue(c.GradeId, out var r) ? r
            : Result(assigned, c, CheckStatus.NotRun, $"Not run: {stopped ?? "the grading process ended early"}", "")).ToList();
        return new NotebookGrade(assigned.Name, all, notes, clock.Elapsed);
    }

    /// <summary>Every check at zero with the same reason (an unreadable notebook, a missing one).</summary>
    public static NotebookGrade Ungraded(AssignedNotebook assigned, string reason, TimeSpan elapsed) =>
        new(assigned.Name, assigned.FixedCells.Where(c => c.Check).Select(c => Result(assigned, c, CheckStatus.NotRun, reason, "")).ToList(), [reason], elapsed);

    /// <summary>Runs the plan; returns why the run stopped early, or null when every cell ran.</summary>
    static async Task<string?> RunAsync(GradingPlan plan, AssignedNotebook assigned, Sandbox sandbox, int slot,
        Dictionary<string, ExerciseResult> results, CancellationToken cancellation)
    {
        var limits = sandbox.Limits;
        var deadline = Stopwatch.StartNew();
        using var process = new Process { StartInfo = sandbox.StartInfo(slot) };
        await StartAsync(process);
        var stderr = new System.Text.StringBuilder();
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (stderr) if (stderr.Length < 4000) stderr.AppendLine(e.Data); };
        process.BeginErrorReadLine();
        var replies = ReadReplies(process.StandardOutput);
        try
        {
            for (int n = 1; n <= plan.Cells.Count; n++)
            {
                var cell = plan.Cells[n - 1];
                string? token = cell.Fixed is { Check: true } ? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)) : null;
                string code = token is null ? cell.Code
                    : cell.Code + $"\nglobal::System.AppContext.SetData(\"{CellRunner.ReceiptKey}\", \"{token}\");";
                var request = new JsonObject { ["n"] = n, ["name"] = cell.Name, ["code"] = code };
                try
                {
                    await process.StandardInput.WriteLineAsync(request.ToJsonString());
                    await process.StandardInput.FlushAsync(cancellation);
                }
                catch (IOException)
                {
                    return Ended(process, cell, stderr);
                }
                var left = limits.Submission - deadline.Elapsed;
                var allowed = limits.Cell + Book.Engine.Execution.Engine.StopGracePeriod + TimeSpan.FromSeconds(5) + (n == 1 ? StartAllowance : TimeSpan.Zero);
                bool submissionLimit = left < allowed;
                var reply = await NextReplyAsync(replies, n, submissionLimit ? left : allowed, cancellation);
                if (reply is null)
                {
                    // The runner's standard output closed: it is ending (Environment.Exit, a crash, a kill), and on a
                    // busy machine its exit can take seconds. Otherwise it did not answer in time.
                    if (replies.Reader.Completion.IsCompleted && await ExitsWithinAsync(process, EndingAllowance))
                        return Ended(process, cell, stderr);
                    if (!process.HasExited)
                        return submissionLimit
                            ? $"the submission used up its {limits.Submission.TotalSeconds:0} s; grading stopped at {cell.Name}."
                            : $"{cell.Name} ran past its {limits.Cell.TotalSeconds:0} s limit and could not be interrupted; grading stopped there.";
                    return Ended(process, cell, stderr);
                }
                if (cell.Fixed is { Check: true } check)
                    results[check.GradeId] = Judge(assigned, check, reply, token!);
                if ((bool?)reply["stopped"] == true)
                    return $"{cell.Name} ran past its {limits.Cell.TotalSeconds:0} s limit and could not be interrupted; grading stopped there.";
            }
            return null;
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            // Unsandboxed, the runner worked in a temporary folder of its own (sandboxed, /tmp vanishes with the sandbox).
            if (!sandbox.Isolated && Directory.Exists(process.StartInfo.WorkingDirectory))
                Directory.Delete(process.StartInfo.WorkingDirectory, recursive: true);
        }
    }

    /// <summary>How long a runner whose output has closed may take to exit before it counts as hung.</summary>
    static readonly TimeSpan EndingAllowance = TimeSpan.FromSeconds(30);

    static async Task<bool> ExitsWithinAsync(Process process, TimeSpan allowance)
    {
        using var timer = new CancellationTokenSource(allowance);
        try { await process.WaitForExitAsync(timer.Token); return true; }
        catch (OperationCanceledException) { return false; }
    }

    /// <summary>
    /// Starts the process from a thread of its own that lives as long as the process: bubblewrap's
    /// --die-with-parent (PR_SET_PDEATHSIG) kills the sandbox when the <em>thread</em> that started it ends,
    /// and thread-pool threads end when idle.
    /// </summary>
    static Task StartAsync(Process process)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        new Thread(() =>
        {
            try { process.Start(); }
            catch (Exception e) { started.SetException(e); return; }
            started.SetResult();
            // Returns when the process ends; the grader may have disposed of it by then.
            try { process.WaitForExit(); } catch (SystemException) { }
        }) { IsBackground = true, Name = "sandbox parent" }.Start();
        return started.Task;
    }

    static string Ended(Process process, PlannedCell cell, System.Text.StringBuilder stderr)
    {
        process.WaitForExit();
        int code = process.ExitCode;
        string why = code switch
        {
            137 or -9 => "it was killed (SIGKILL): the memory limit, the process limit, or a crash",
            152 or -24 => "it used up its CPU time",
            134 or -6 => "it aborted: out of memory, too many threads for the process limit, or a crash",
            139 or -11 => "it crashed (segmentation fault)",
            _ => $"it exited with code {code}: Environment.Exit, or a crash",
        };
        string detail;
        // The first line that says what happened ("Stack overflow.", "Unhandled exception. …"), not a stack frame.
        lock (stderr) detail = stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .FirstOrDefault(l => !l.StartsWith("at ", StringComparison.Ordinal)
                && (l.Contains("xception", StringComparison.Ordinal) || l.StartsWith("Stack overflow", StringComparison.Ordinal))) ?? "";
        return $"{cell.Name} ended the grading process; {why}{(detail.Length > 0 ? $" ({detail.Trim()})" : "")}. Later cells did not run.";
    }

    static ExerciseResult Judge(AssignedNotebook assigned, FixedCell check, JsonObject reply, string token)
    {
        string output = (string?)reply["output"] ?? "";
        bool ok = (bool?)reply["ok"] == true;
        if (ok && (string?)reply["receipt"] == token)
            return Result(assigned, check, CheckStatus.Passed,
                check.HiddenLines.Count > 0 ? "Passed: the public and the hidden checks." : "Passed.", output);
        if (ok) return Result(assigned, check, CheckStatus.Failed, "Failed: the check cell did not run to its end.", output);
        string error = (string?)reply["error"] ?? "unknown error";
        var line = System.Text.RegularExpressions.Regex.Match(error, @", line (\d+):");
        bool hidden = line.Success && check.HiddenLines.Contains(int.Parse(line.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        string which = hidden ? "a hidden check failed" : "a check failed";
        return Result(assigned, check, CheckStatus.Failed, $"Failed: {which} — {error}", output);
    }

    static ExerciseResult Result(AssignedNotebook assigned, FixedCell check, CheckStatus status, string message, string output) =>
        new(assigned.Name, check.GradeId, check.Exercise, status == CheckStatus.Passed ? check.Points : 0, check.Points,
            status, message, check.HiddenLines.Count > 0, output);

    /// <summary>Reads the runner's standard output: lines that parse as replies; anything else (a learner's raw writes) is skipped.</summary>
    static System.Threading.Channels.Channel<JsonObject> ReadReplies(StreamReader output)
    {
        var channel = System.Threading.Channels.Channel.CreateUnbounded<JsonObject>();
        _ = Task.Run(async () =>
        {
            try
            {
                while (await output.ReadLineAsync() is { } line)
                {
                    if (line.Length > 64 * 1024 || !line.StartsWith('{')) continue;
                    try { if (JsonNode.Parse(line) is JsonObject reply && reply["n"] is JsonValue) channel.Writer.TryWrite(reply); }
                    catch (JsonException) { }
                }
            }
            finally { channel.Writer.TryComplete(); }
        });
        return channel;
    }

    /// <summary>The reply for cell <paramref name="n"/>, or null when the runner ended or did not answer in time.</summary>
    static async Task<JsonObject?> NextReplyAsync(System.Threading.Channels.Channel<JsonObject> replies, int n, TimeSpan timeout, CancellationToken cancellation)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        timer.CancelAfter(timeout > TimeSpan.Zero ? timeout : TimeSpan.Zero);
        try
        {
            while (await replies.Reader.WaitToReadAsync(timer.Token))
                while (replies.Reader.TryRead(out var reply))
                    if (reply["n"] is JsonValue v && v.TryGetValue(out int got) && got == n) return reply;
            return null;
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
        {
            return null;
        }
    }
}
