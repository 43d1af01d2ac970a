using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Book.Display;
using Book.Engine.Execution;

namespace Book.Grading.Grading;

/// <summary>
/// The sandboxed side of grading (<c>book grade-runner</c>, started by <see cref="SubmissionRun"/>, never by people):
/// reads one cell at a time from standard input as a JSON line <c>{"n": 3, "name": "cell 7", "code": "…"}</c>,
/// runs it in one <see cref="Engine"/>, and answers on standard output with
/// <c>{"n": 3, "ok": true, "receipt": "…", "error": "…", "stopped": false, "output": "…"}</c> (<c>stopped</c>: the cell could
/// not be interrupted, and the runner exits). The receipt is whatever the cell
/// left under <see cref="ReceiptKey"/>: the grader appends to each check cell a statement that stores a
/// random token there, so only a check that ran to its end yields the token the grader expects.
/// </summary>
public static class CellRunner
{
    /// <summary>The <see cref="AppContext"/> data name a check cell's last statement stores its token under.</summary>
    public const string ReceiptKey = "book.grading.receipt";

    /// <summary>How much of a cell's printed text comes back for feedback.</summary>
    public const int OutputLimit = 4000;

    /// <summary>How long the engine may take to start (see <c>SubmissionRun.StartAllowance</c>, which waits for it).</summary>
    public static readonly TimeSpan StartUpLimit = TimeSpan.FromSeconds(50);

    /// <summary>Serves cells until standard input closes; returns the exit code.</summary>
    public static async Task<int> RunAsync(TimeSpan cellTimeout)
    {
        // The channel moves off descriptors 0 and 1, which then read and write /dev/null: a cell that reads
        // Console.In cannot take the next request (and its token), and raw writes to standard output reach nobody.
        using var requests = new StreamReader(PrivateChannel.Take(0, FileAccess.Read), Encoding.UTF8);
        using var replies = new StreamWriter(PrivateChannel.Take(1, FileAccess.Write), new UTF8Encoding(false)) { AutoFlush = true };
        BookFormatters.ResetToDefaults();
        // Compiling the first cell loads and JIT-compiles Roslyn (seconds on a busy machine): done here, in an
        // engine of its own, so that start-up never counts against the first cell's time limit.
        await new Book.Engine.Execution.Engine(StartUpLimit).ExecuteAsync("0", _ => { }, "start-up");
        var engine = new Book.Engine.Execution.Engine(cellTimeout);
        while (await requests.ReadLineAsync() is { } line)
        {
            var request = JsonNode.Parse(line)!.AsObject();
            int n = request["n"]!.GetValue<int>();
            AppContext.SetData(ReceiptKey, null);
            var output = new StringBuilder();
            var result = await engine.ExecuteAsync(request["code"]!.GetValue<string>(), o => Collect(output, o), request["name"]!.GetValue<string>());
            var reply = new JsonObject
            {
                ["n"] = n,
                ["ok"] = result.Succeeded,
                ["receipt"] = AppContext.GetData(ReceiptKey) as string,
                ["error"] = result.Error?.Value,
                ["stopped"] = !result.EngineUsable,
                ["output"] = output.Length > OutputLimit ? "…" + output.ToString(output.Length - OutputLimit, OutputLimit) : output.ToString(),
            };
            replies.WriteLine(reply.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
            if (!result.EngineUsable) return 3;
        }
        return 0;
    }

    static void Collect(StringBuilder output, CellOutput o)
    {
        lock (output)
        {
            string text = o switch
            {
                StreamOutput s => s.Text,
                ResultOutput r => (r.Data.TryGetValue("text/plain", out var plain) ? plain : "") + "\n",
                DisplayOutput d => (d.Data.TryGetValue("text/plain", out var plain) ? plain : "") + "\n",
                _ => "",
            };
            output.Append(text);
            if (output.Length > 4 * OutputLimit) output.Remove(0, output.Length - 2 * OutputLimit);
        }
    }
}
