using System.Diagnostics;
using System.Text.Json.Nodes;
using Book.Engine.Chapters;
using Book.Engine.Execution;
using Book.Engine.Notebooks;
using Book.Engine.Outputs;

namespace Book.Tests.Engine;

/// <summary>The one output model: what a notebook stores and what the kernel sends are the same JSON, built once.</summary>
[Collection(nameof(Polyglot.GlobalFormatter))]
public class OutputModelTests
{
    static readonly Dictionary<string, string> Bundle = new() { ["text/plain"] = "line 1\nline 2", ["application/json"] = "{\"a\": 1}" };

    [Fact]
    public void A_stored_output_is_the_message_content_with_its_type_text_as_lines_and_no_display_id()
    {
        var display = new DisplayOutput(Bundle, "d1");

        var message = JupyterOutput.MessageContent(display, 3);
        var stored = JupyterOutput.Stored(display, 3);

        Assert.Equal("display_data", JupyterOutput.MessageType(display));
        Assert.Equal("d1", (string?)message["transient"]!["display_id"]);
        Assert.Equal("line 1\nline 2", (string?)message["data"]!["text/plain"]);
        Assert.Equal("""{"output_type":"display_data","data":{"application/json":{"a":1},"text/plain":["line 1\n","line 2"]},"metadata":{}}""",
            stored.ToJsonString());
        Assert.Throws<ArgumentException>(() => JupyterOutput.Stored(new DisplayUpdate(Bundle, "d1"), 3));
    }

    [Fact]
    public void Consecutive_text_of_a_stream_is_one_output_and_an_update_replaces_its_display()
    {
        var outputs = new CellOutputs(executionCount: 7);
        outputs.Add(new StreamOutput("stdout", "a"));
        outputs.Add(new StreamOutput("stdout", "b\n"));
        outputs.Add(new StreamOutput("stderr", "warning\n"));
        outputs.Add(new DisplayOutput(new Dictionary<string, string> { ["text/plain"] = "epoch 1" }, "progress"));
        outputs.Add(new StreamOutput("stdout", "c\n"));
        outputs.Add(new DisplayUpdate(new Dictionary<string, string> { ["text/plain"] = "epoch 2" }, "progress"));
        outputs.Add(new ResultOutput(new Dictionary<string, string> { ["text/plain"] = "42" }));

        var json = outputs.ToJson();

        Assert.Equal(["stream", "stream", "display_data", "stream", "execute_result"], json.Select(o => (string?)o!["output_type"]));
        Assert.Equal("ab\n", NotebookCell.JoinText(json[0]!["text"]));
        Assert.Equal("stderr", (string?)json[1]!["name"]);
        Assert.Equal("epoch 2", NotebookCell.JoinText(json[2]!["data"]!["text/plain"]));
        Assert.Equal(7, (int?)json[4]!["execution_count"]);
    }

    [Fact]
    public void Printed_text_beyond_the_limit_is_left_out_with_a_note_saying_how_much()
    {
        var outputs = new CellOutputs(executionCount: 1, printedTextLimit: 25);
        for (int i = 0; i < 10; i++) outputs.Add(new StreamOutput("stdout", $"line {i}\n")); // 7 characters each
        outputs.Add(new StreamOutput("stderr", "late\n"));

        var json = outputs.ToJson();

        var stream = Assert.Single(json);
        Assert.Equal("line 0\nline 1\nline 2\nline\n[… 50 more characters (8 lines) were printed and not kept: a notebook keeps the first 25 characters a cell prints]\n",
            NotebookCell.JoinText(stream!["text"]));
    }

    [Fact]
    public void A_limit_reached_exactly_between_two_streams_still_leaves_its_note()
    {
        var outputs = new CellOutputs(executionCount: 1, printedTextLimit: 4);
        outputs.Add(new StreamOutput("stdout", "abcd"));
        outputs.Add(new StreamOutput("stderr", "ef\n"));

        var json = outputs.ToJson();

        Assert.Equal(2, json.Count);
        Assert.Equal("abcd", NotebookCell.JoinText(json[0]!["text"]));
        Assert.Contains("3 more characters (1 line)", NotebookCell.JoinText(json[1]!["text"]));
    }

    [Fact]
    public void Clear_output_drops_what_came_before_now_or_at_the_next_output_and_frees_the_limit()
    {
        var outputs = new CellOutputs(executionCount: 1, printedTextLimit: 10);
        outputs.Add(new DisplayOutput(new Dictionary<string, string> { ["text/plain"] = "epoch 1" }, "progress"));
        outputs.Add(new StreamOutput("stdout", "0123456789 cut\n"));
        outputs.Add(new ClearOutput(Wait: false));
        outputs.Add(new StreamOutput("stdout", "kept\n"));
        outputs.Add(new ClearOutput(Wait: true));
        Assert.Equal("kept\n", NotebookCell.JoinText(Assert.Single(outputs.ToJson())!["text"]));
        outputs.Add(new DisplayUpdate(new Dictionary<string, string> { ["text/plain"] = "epoch 2" }, "progress"));
        outputs.Add(new StreamOutput("stdout", "0123456789"));

        var json = Assert.Single(outputs.ToJson());

        Assert.Equal("0123456789", NotebookCell.JoinText(json!["text"]));
        Assert.Equal("clear_output", JupyterOutput.MessageType(new ClearOutput(true)));
        Assert.Equal("""{"wait":true}""", JupyterOutput.MessageContent(new ClearOutput(true), 1).ToJsonString());
        Assert.Throws<ArgumentException>(() => JupyterOutput.Stored(new ClearOutput(false), 1));
    }

    [Fact]
    public async Task Printing_fifty_megabytes_takes_linear_time_and_stores_at_most_the_limit()
    {
        string folder = Directory.CreateTempSubdirectory("book-output-").FullName;
        try
        {
            string Print(int megabytes) =>
                $"var line = new string('x', 1023);\nfor (int i = 0; i < {megabytes} * 1024; i++) Console.WriteLine(line);";
            var notebook = Notebook.FromJson(new JsonObject
            {
                ["nbformat"] = 4, ["nbformat_minor"] = 5, ["metadata"] = new JsonObject(),
                ["cells"] = new JsonArray(Cell("1"), Cell(Print(5)), Cell(Print(50))),
            }, Path.Combine(folder, "print.ipynb"));

            var run = await ChapterRunner.ExecuteAsync(notebook);

            Assert.Null(run.Failure);
            var (five, fifty) = (run.Cells[1].Result.Elapsed, run.Cells[2].Result.Elapsed);
            // Ten times the text: linear is about 10 times the time (less, for the fixed cost of a cell); quadratic, 100 times.
            Assert.True(fifty < TimeSpan.FromSeconds(120) && fifty / five < 30,
                $"5 MB took {five.TotalSeconds:0.00} s, 50 MB took {fifty.TotalSeconds:0.00} s: not linear.");
            string stored = NotebookCell.JoinText(Assert.Single(run.Cells[2].Outputs)!["text"]);
            Assert.True(stored.Length < PrintedTextLimit.Default + 200, $"{stored.Length} characters stored");
            Assert.StartsWith(new string('x', 1023) + "\n", stored);
            Assert.EndsWith("were printed and not kept: a notebook keeps the first 1,000,000 characters a cell prints]\n", stored);
            Assert.Contains($"[… {50L * 1024 * 1024 - PrintedTextLimit.Default:N0} more characters", stored);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    static JsonObject Cell(string source) => new()
    {
        ["cell_type"] = "code", ["metadata"] = new JsonObject(), ["source"] = source, ["outputs"] = new JsonArray(), ["execution_count"] = null,
    };
}
