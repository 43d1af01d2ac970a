using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Book.Engine.Chapters;
using Book.Tests.Support;

namespace Book.Tests;

/// <summary>
/// `book assign` then `book grade` end to end, as an instructor runs them: the fixture assignment, and made-up
/// submissions that answer right, partly wrong, hang, crash, exit, forge ✓ lines and the runner's replies,
/// delete or edit a check, bomb memory or processes, and try to read the hidden checks or reach the network.
/// Each gets the score the grader's own record of completed checks gives, never more.
/// </summary>
public sealed class GradeCommandTests : IDisposable
{
    static readonly string Root = BookPaths.Find(AppContext.BaseDirectory).Root;
    readonly string folder = Directory.CreateTempSubdirectory("book-grade-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    static (int ExitCode, string Output) Book(params string[] arguments) =>
        ProcessRunner.Run("dotnet", [Path.Combine(AppContext.BaseDirectory, "book.dll"), .. arguments], Root, TimeSpan.FromMinutes(15));

    string Assign(string notebook)
    {
        string assignment = Path.Combine(folder, "assignment");
        var (exitCode, output) = Book("assign", notebook, "--out", assignment);
        Assert.True(exitCode == 0, output);
        return assignment;
    }

    /// <summary>The student version with each listed cell's source replaced (by grade id), cells removed where the replacement is null.</summary>
    string Submit(string assignment, string name, Dictionary<string, string?> cells)
    {
        var notebook = JsonNode.Parse(File.ReadAllText(Path.Combine(assignment, "student", "99-exercises.ipynb")))!.AsObject();
        var kept = new JsonArray();
        foreach (var cell in notebook["cells"]!.AsArray().ToList())
        {
            string? gradeId = (string?)cell!["metadata"]?["nbgrader"]?["grade_id"];
            notebook["cells"]!.AsArray().Remove(cell);
            if (gradeId is not null && cells.TryGetValue(gradeId, out var source))
            {
                if (source is null) continue;
                cell["source"] = source;
            }
            kept.Add(cell);
        }
        notebook["cells"] = kept;
        string path = Path.Combine(folder, "submissions", name + ".ipynb");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, notebook.ToJsonString());
        return path;
    }

    const string Squares = "int squares = numbers.Sum(n => n * n);";
    const string Mean = "double Mean(double[] xs) => xs.Average();";
    const string Greeting = "var greeting = \"hello, grader\";";

    static Dictionary<string, string?> Answers(string? squares = Squares, string? mean = Mean, string? greeting = Greeting) =>
        new() { ["ex-1"] = squares, ["ex-2"] = mean, ["ex-3"] = greeting };

    [Fact]
    public void Made_up_submissions_get_exactly_the_points_of_the_checks_that_completed()
    {
        string assignment = Assign(Path.Combine(Root, "tests", "Grading.Tests", "Fixtures", "99-exercises.ipynb"));
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        string bundle = Path.Combine(assignment, "autograder", "autograder.json");
        // Forged "✓" lines on the console; forged runner replies on the raw standard output for every cell number;
        // and a thread that reads standard input to take the next check's request and its token.
        const string forge = """
            Console.WriteLine("✓ sum of squares\n✓ mean of 1, 2, 3\n✓ greeting");
            var raw = new StreamWriter(Console.OpenStandardOutput()) { AutoFlush = true };
            new System.Threading.Thread(() => { for (int k = 0; k < 200; k++) { for (int n = 1; n < 20; n++) raw.WriteLine($"{{\"n\":{n},\"ok\":true,\"receipt\":\"{AppContext.GetData("book.grading.receipt")}\"}}"); System.Threading.Thread.Sleep(20); } }) { IsBackground = true }.Start();
            new System.Threading.Thread(() =>
            {
                while (Console.In.ReadLine() is { } line)
                {
                    var n = System.Text.RegularExpressions.Regex.Match(line, "\"n\":(\\d+)").Groups[1].Value;
                    var token = System.Text.RegularExpressions.Regex.Match(line, "[0-9a-f]{32}").Value;
                    raw.WriteLine($"{{\"n\":{n},\"ok\":true,\"receipt\":\"{token}\"}}");
                }
            }) { IsBackground = true }.Start();
            AppContext.SetData("book.grading.receipt", "0123456789abcdef0123456789abcdef");
            int squares = 1;
            """;
        string snoop = $$"""
            bool leaked = File.Exists("{{bundle}}") || Directory.Exists("{{Path.Combine(Root, "chapters")}}");
            try { using var client = new System.Net.Sockets.TcpClient(); client.Connect("127.0.0.1", {{port}}); leaked = true; } catch (System.Net.Sockets.SocketException) { }
            try { using var client = new System.Net.Sockets.TcpClient(); client.Connect("1.1.1.1", 53); leaked = true; } catch (System.Net.Sockets.SocketException) { }
            var greeting = leaked ? "hello, grader" : "no secrets here";
            """;
        var expected = new Dictionary<string, (Dictionary<string, string?> Cells, string[] Statuses)>
        {
            ["correct"] = (Answers(), ["passed", "passed", "passed"]),
            ["partly-wrong"] = (Answers(mean: "double Mean(double[] xs) => (xs[0] + xs[^1]) / 2;", greeting: "var greeting = \"hello\";"), ["passed", "failed", "failed"]),
            ["infinite-loop"] = (Answers(squares: "while (true) { }\n" + Squares), ["failed", "passed", "passed"]),
            ["unstoppable"] = (Answers(mean: "System.Threading.Thread.Sleep(System.Threading.Timeout.Infinite);"), ["passed", "not run", "not run"]),
            ["crash"] = (Answers(mean: "void Forever(int n) => Forever(n + 1);\nForever(0);"), ["passed", "not run", "not run"]),
            ["exits"] = (Answers(mean: "Environment.Exit(0);"), ["passed", "not run", "not run"]),
            ["fake-ticks"] = (Answers(squares: forge, mean: "double Mean(double[] xs) => 0;", greeting: "var greeting = \"✓\";"), ["failed", "failed", "failed"]),
            ["deletes-check"] = (new(Answers()) { ["ex-1-check"] = null }, ["passed", "passed", "passed"]),
            ["edits-check"] = (new(Answers(greeting: "var greeting = \"wrong\";")) { ["ex-3-check"] = "Console.WriteLine(\"✓ greeting\");" }, ["passed", "passed", "failed"]),
            ["snoops"] = (Answers(greeting: snoop), ["passed", "passed", "failed"]),
            ["memory-bomb"] = (Answers(squares: "void Hoard() { var hoard = new List<byte[]>(); while (true) hoard.Add(new byte[1 << 27]); }\nHoard();"), ["failed", "passed", "passed"]),
            ["fork-bomb"] = (Answers(greeting: "for (int i = 0; i < 2000; i++) System.Diagnostics.Process.Start(\"/bin/sleep\", \"60\");\n" + Greeting), ["passed", "passed", "failed|not run"]),
        };
        var paths = expected.Select(e => Submit(assignment, e.Key, e.Value.Cells)).ToList();
        string notJson = Path.Combine(folder, "submissions", "not-json.ipynb");
        File.WriteAllText(notJson, "{ \"cells\": [ this is not JSON");
        string nbformat3 = Path.Combine(folder, "submissions", "nbformat-3.ipynb");
        File.WriteAllText(nbformat3, """{"nbformat": 3, "nbformat_minor": 0, "metadata": {}, "worksheets": []}""");

        var (exitCode, output) = Book(["grade", assignment, .. paths, notJson, nbformat3, "--cell-timeout", "20", "--jobs", "2"]);

        Assert.True(exitCode == 0, output);
        var rows = File.ReadAllLines(Path.Combine(assignment, "graded", "grades.csv")).Skip(1).Select(ParseCsv).ToList();
        foreach (var (name, (_, statuses)) in expected)
            Assert.True(statuses.Zip(rows.Where(r => r[0] == name).Select(r => r[6])).All(p => p.First.Split('|').Contains(p.Second))
                && statuses.Length == rows.Count(r => r[0] == name),
                $"{name}: expected [{string.Join(", ", statuses)}], got\n{string.Join("\n", rows.Where(r => r[0] == name).Select(r => string.Join(" | ", r)))}\n{output}");
        foreach (var unreadable in new[] { "not-json", "nbformat-3" })
            Assert.All(rows.Where(r => r[0] == unreadable), r => Assert.Equal(("0", "not run"), (r[4], r[6])));
        AssertRow(rows, r => r[0] == "not-json" && r[7].Contains("invalid JSON"), output);
        AssertRow(rows, r => r[0] == "nbformat-3" && r[7].Contains("expected nbformat 4"), output);
        AssertRow(rows, r => r[0] == "partly-wrong" && r[3] == "ex-2-check" && r[7].Contains("a hidden check failed"), output);
        AssertRow(rows, r => r[0] == "infinite-loop" && r[3] == "ex-1-check" && r[7].Contains("squares"), output);
        AssertRow(rows, r => r[0] == "exits" && r[3] == "ex-2-check" && r[7].Contains("ended the grading process"), output);
        AssertRow(rows, r => r[0] == "unstoppable" && r[3] == "ex-2-check" && r[7].Contains("could not be interrupted"), output);

        var results = JsonNode.Parse(File.ReadAllText(Path.Combine(assignment, "graded", "correct", "results.json")))!;
        Assert.Equal(4, (double)results["score"]!);
        Assert.Equal(3, results["tests"]!.AsArray().Count);
        Assert.All(results["tests"]!.AsArray(), t => Assert.Equal(["score", "max_score", "status", "name", "output", "visibility"], t!.AsObject().Select(p => p.Key)));
        string feedback = File.ReadAllText(Path.Combine(assignment, "graded", "edits-check", "feedback.md"));
        Assert.Contains("Cell 'ex-3-check' was changed", feedback);
        Assert.Contains("was missing", File.ReadAllText(Path.Combine(assignment, "graded", "deletes-check", "feedback.md")));
        Assert.Contains("hidden checks", File.ReadAllText(Path.Combine(assignment, "graded", "partly-wrong", "feedback.md")));
    }

    [Fact]
    public void A_chapter_is_graded_from_its_instructor_version_in_full_and_its_student_version_at_zero()
    {
        string chapter = Path.Combine(Root, "chapters", "01-large-models.ipynb");
        string assignment = Path.Combine(folder, "assignment");
        var (assigned, assignOutput) = Book("assign", "01", "--out", assignment);
        Assert.True(assigned == 0, assignOutput);
        string student = Path.Combine(assignment, "student", "01-large-models.ipynb");
        string blank = Path.Combine(folder, "blank.ipynb");
        File.Copy(student, blank);

        var (exitCode, output) = Book("grade", assignment, chapter, blank, "--jobs", "2");

        Assert.True(exitCode == 0, output);
        var rows = File.ReadAllLines(Path.Combine(assignment, "graded", "grades.csv")).Skip(1).Select(ParseCsv).ToList();
        var full = rows.Where(r => r[0] == "01-large-models").ToList();
        Assert.NotEmpty(full);
        Assert.All(full, r => Assert.True(r[6] == "passed", string.Join(" | ", r) + "\n" + output));
        Assert.All(rows.Where(r => r[0] == "blank"), r => Assert.Equal("failed", r[6]));
    }

    /// <summary>Asserts that some row matches; on failure shows every row in full, not xunit's truncated collection.</summary>
    static void AssertRow(List<string[]> rows, Func<string[], bool> match, string output) =>
        Assert.True(rows.Any(match), $"no matching row in\n{string.Join("\n", rows.Select(r => string.Join(" | ", r)))}\n{output}");

    static string[] ParseCsv(string line)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
            else if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted) { fields.Add(field.ToString()); field.Clear(); }
            else field.Append(c);
        }
        fields.Add(field.ToString());
        return fields.ToArray();
    }
}
