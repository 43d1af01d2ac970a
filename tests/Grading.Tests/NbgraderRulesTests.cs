using System.Text.Json.Nodes;
using Book.Engine.Chapters;
using Book.Engine.Notebooks;
using Book.Grading.Exercises;

namespace Book.Tests;

/// <summary>The chapters' exercise metadata keeps nbgrader's v3 rules, in the instructor and the student version; each broken rule is caught.</summary>
public sealed class NbgraderRulesTests
{
    static readonly string Root = BookPaths.Find(AppContext.BaseDirectory).Root;

    [Theory]
    [MemberData(nameof(StudentVersionTests.Notebooks), MemberType = typeof(StudentVersionTests))]
    public void Every_exercise_notebook_keeps_nbgraders_rules_before_and_after_assign(string relativePath)
    {
        var notebook = Notebook.Load(Path.Combine(Root, relativePath));
        Assert.Empty(NbgraderRules.Problems(notebook));
        StudentVersion.Make(notebook, "x");
        Assert.Empty(NbgraderRules.Problems(notebook));
    }

    const string Good = """{"grade": true, "grade_id": "ex-1-check", "locked": true, "points": 1, "schema_version": 3, "solution": false}""";

    [Theory]
    [InlineData(Good, "code", null)]
    [InlineData("""{"grade": false, "grade_id": "ex-1", "locked": false, "schema_version": 3, "solution": true, "task": false}""", "code", null)]
    [InlineData("""{"grade": true, "grade_id": "ex-1-check", "locked": true, "points": 1, "solution": false}""", "code", "lacks 'schema_version'")]
    [InlineData("""{"grade": true, "grade_id": "ex-1-check", "locked": true, "points": 1, "schema_version": 2, "solution": false}""", "code", "expected schema_version 3, got 2")]
    [InlineData("""{"grade": true, "grade_id": "ex-1-check", "locked": true, "points": 1, "schema_version": 3, "solution": false, "hidden": true}""", "code", "the key 'hidden'")]
    [InlineData("""{"grade": "yes", "grade_id": "ex-1-check", "locked": true, "points": 1, "schema_version": 3, "solution": false}""", "code", "expected 'grade' to be true or false, got \"yes\"")]
    [InlineData("""{"grade": true, "grade_id": "ex 1", "locked": true, "points": 1, "schema_version": 3, "solution": false}""", "code", "expected a grade_id of letters")]
    [InlineData("""{"grade": true, "locked": true, "points": 1, "schema_version": 3, "solution": false}""", "code", "needs a non-empty grade_id")]
    [InlineData("""{"grade": true, "grade_id": "ex-1-check", "locked": true, "schema_version": 3, "solution": false}""", "code", "a graded cell needs points")]
    [InlineData("""{"grade": true, "grade_id": "ex-1-check", "locked": true, "points": -1, "schema_version": 3, "solution": false}""", "code", "expected points to be a number ≥ 0, got -1")]
    [InlineData("""{"grade": true, "grade_id": "ex-1-check", "locked": true, "points": 1, "schema_version": 3, "solution": false}""", "markdown", "both graded and a solution")]
    [InlineData("""{"grade": false, "grade_id": "task-1", "locked": true, "points": 0, "schema_version": 3, "solution": false, "task": true}""", "code", "a task cell must be markdown")]
    [InlineData("""{"grade": true, "grade_id": "ex-1-check", "locked": true, "points": 1, "schema_version": 3, "solution": false, "checksum": "abc"}""", "code", "checksum to be a string of 32")]
    public void A_cell_that_breaks_a_rule_is_named_with_the_rule(string metadata, string cellType, string? expected)
    {
        var problems = NbgraderRules.Problems(NotebookOf((cellType, metadata)));

        if (expected is null) Assert.Empty(problems);
        else Assert.Contains(problems, p => p.StartsWith("cell 1: ", StringComparison.Ordinal) && p.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void A_grade_id_used_twice_is_caught_and_assign_refuses_the_notebook()
    {
        var notebook = NotebookOf(("code", Good), ("code", Good));

        Assert.Equal(["cell 2: the grade_id 'ex-1-check' is used by an earlier cell; nbgrader expects each once"], NbgraderRules.Problems(notebook));
        var refused = Assert.Throws<InvalidDataException>(() => StudentVersion.Make(notebook, "x"));
        Assert.Contains("nbgrader's validator", refused.Message);
        Assert.Contains("cell 2: the grade_id", refused.Message);
    }

    static Notebook NotebookOf(params (string Type, string Metadata)[] cells)
    {
        var array = new JsonArray();
        foreach (var (type, metadata) in cells)
        {
            var cell = new JsonObject { ["cell_type"] = type, ["metadata"] = new JsonObject { ["nbgrader"] = JsonNode.Parse(metadata) }, ["source"] = "x" };
            if (type == "code") { cell["outputs"] = new JsonArray(); cell["execution_count"] = null; }
            array.Add(cell);
        }
        return Notebook.FromJson(new JsonObject { ["cells"] = array, ["metadata"] = new JsonObject(), ["nbformat"] = 4, ["nbformat_minor"] = 5 }, "made-up.ipynb");
    }
}
