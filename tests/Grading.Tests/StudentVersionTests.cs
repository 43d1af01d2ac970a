using System.Text.Json.Nodes;
using Book.Engine.Chapters;
using Book.Engine.Notebooks;
using Book.Grading.Exercises;

namespace Book.Tests;

/// <summary>`book assign`'s student versions: no solution and no hidden test left in them, stubs and notes in their place, outputs cleared, metadata kept.</summary>
public sealed class StudentVersionTests
{
    static readonly string Root = BookPaths.Find(AppContext.BaseDirectory).Root;

    public static TheoryData<string> Notebooks()
    {
        var data = new TheoryData<string>();
        foreach (var chapter in Directory.GetFiles(Path.Combine(Root, "chapters"), "*.ipynb").Order(StringComparer.Ordinal))
            if (File.ReadAllText(chapter).Contains("\"grade_id\"", StringComparison.Ordinal)) data.Add(Path.GetRelativePath(Root, chapter));
        data.Add(Path.Combine("tests", "Grading.Tests", "Fixtures", "99-exercises.ipynb"));
        return data;
    }

    /// <summary>Every line of a solution or hidden-tests region that is long enough to be telling, except lines the notebook also has outside every region.</summary>
    static List<string> SecretLines(Notebook instructor)
    {
        var secret = new HashSet<string>();
        var open = new HashSet<string>();
        foreach (var cell in instructor.Cells)
        {
            var lines = MarkedRegions.Lines(cell.Source);
            var inside = MarkedRegions.Find(lines).SelectMany(r => Enumerable.Range(r.Begin + 1, r.End - r.Begin - 1)).ToHashSet();
            for (int i = 0; i < lines.Count; i++) (inside.Contains(i) ? secret : open).Add(lines[i].Trim());
        }
        return secret.Where(l => l.Length >= 12 && !open.Contains(l)).ToList();
    }

    static string Leaks(string studentJson, IEnumerable<string> secrets) =>
        string.Join("\n", secrets.Where(s => studentJson.Contains(JsonValue.Create(s).ToJsonString()[1..^1], StringComparison.Ordinal) || studentJson.Contains(s, StringComparison.Ordinal)));

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void The_student_version_contains_no_solution_and_no_hidden_test_text(string relativePath)
    {
        var instructor = Notebook.Load(Path.Combine(Root, relativePath));
        var secrets = SecretLines(instructor);
        var student = Notebook.Load(Path.Combine(Root, relativePath));

        var assigned = StudentVersion.Make(student, "x");
        string json = student.ToJson();

        Assert.NotEmpty(secrets);
        Assert.True(Leaks(instructor.ToJson(), secrets).Length > 0, "the grep must find the secrets in the instructor's version");
        Assert.Equal("", Leaks(json, secrets));
        Assert.DoesNotContain("BEGIN SOLUTION", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("HIDDEN TESTS", json, StringComparison.OrdinalIgnoreCase);
        Assert.All(student.CodeCells, cell => { Assert.Empty(cell.Outputs); Assert.Null(cell.ExecutionCount); });
        var solutions = student.Cells.Where(c => ExerciseMetadata.Of(c) is { Solution: true }).ToList();
        Assert.NotEmpty(solutions);
        Assert.All(solutions, cell => Assert.Contains("Exercise ex-", cell.Source));
        Assert.Equal(instructor.Cells.Select(c => c.Metadata["nbgrader"]?.ToJsonString()), student.Cells.Select(c => c.Metadata["nbgrader"]?.ToJsonString()));
        int hiddenChecks = assigned.FixedCells.Count(c => c.HiddenLines.Count > 0);
        Assert.Equal(hiddenChecks, student.Cells.Count(c => c.Source.Contains(StudentVersion.HiddenNote, StringComparison.Ordinal)));
    }

    [Fact]
    public void The_hidden_lines_are_where_the_grader_runs_them()
    {
        var notebook = Notebook.Load(Path.Combine(Root, "tests", "Grading.Tests", "Fixtures", "99-exercises.ipynb"));
        var check = StudentVersion.Make(notebook, "99-exercises").FixedCells.Single(c => c.GradeId == "ex-2-check");

        var lines = MarkedRegions.Lines(check.Source);

        Assert.Equal([3, 4], check.HiddenLines);
        Assert.Contains("Mean([1.0, 2.0, 12.0])", lines[2]);
        Assert.Contains("skewed", lines[3]);
    }

    [Theory]
    [InlineData("int x =\n    // BEGIN SOLUTION\n    1;\n    // END SOLUTION", "int x =\n    global::Book.Checks.Exercise.Todo(\"Exercise ex-9: ")]
    [InlineData("// BEGIN SOLUTION\nvar x = 1;\n// END SOLUTION\nConsole.WriteLine(x);", "throw new NotImplementedException(\"Exercise ex-9: ")]
    public void A_solution_becomes_a_stub_that_throws_as_a_statement_or_as_an_expression(string source, string expected)
    {
        string stub = StudentVersion.Stubbed(source, "ex-9");

        Assert.StartsWith(expected, stub);
        Assert.DoesNotContain("1;", stub.Replace("Todo(", ""), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("// BEGIN SOLUTION\nvar x = 1;", "line 1", "never closed")]
    [InlineData("var x = 1;\n// END HIDDEN TESTS", "line 2", "not opened")]
    [InlineData("// BEGIN SOLUTION\n// BEGIN HIDDEN TESTS\n// END HIDDEN TESTS\n// END SOLUTION", "line 2", "inside")]
    public void Broken_markers_are_named_with_their_line(string source, string line, string what)
    {
        var error = Assert.Throws<InvalidDataException>(() => MarkedRegions.Find(MarkedRegions.Lines(source)));

        Assert.Contains(line, error.Message);
        Assert.Contains(what, error.Message);
    }
}
