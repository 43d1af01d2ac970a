using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Book.Grading.Grading;
using Book.Runtime;

namespace Book.Grading.Results;

/// <summary>
/// Writes a batch's results into a folder: <c>grades.csv</c> (one row per submission and check, with points
/// and a message), and for each submission <c>ID/results.json</c> in Gradescope's autograder format and
/// <c>ID/feedback.md</c>, what the learner reads: per exercise the points, whether public and hidden checks
/// passed, the error, and why points were lost.
/// </summary>
public static class GradeFiles
{
    /// <summary>Writes every file (atomically, each) under <paramref name="folder"/>.</summary>
    public static void Write(string folder, IReadOnlyList<SubmissionGrade> grades)
    {
        Directory.CreateDirectory(folder);
        AtomicFile.WriteText(Path.Combine(folder, "grades.csv"), Csv(grades));
        foreach (var grade in grades)
        {
            string own = Path.Combine(folder, SafeName(grade.Id));
            Directory.CreateDirectory(own);
            AtomicFile.WriteText(Path.Combine(own, "results.json"), Gradescope(grade).ToJsonString(Json) + "\n");
            AtomicFile.WriteText(Path.Combine(own, "feedback.md"), Feedback(grade));
        }
    }

    static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The CSV: submission, notebook, exercise, check, points, max_points, status, message.</summary>
    public static string Csv(IReadOnlyList<SubmissionGrade> grades)
    {
        var csv = new StringBuilder("submission,notebook,exercise,check,points,max_points,status,message\n");
        foreach (var grade in grades)
            foreach (var r in grade.Results)
                csv.AppendJoin(',', new[] { grade.Id, r.Notebook, r.Exercise ?? "", r.GradeId, Points(r.Points), Points(r.MaxPoints), Status(r.Status), r.Message }.Select(Quote)).Append('\n');
        return csv.ToString();
    }

    /// <summary>Gradescope's results.json: score, execution_time, output, and one test per check.</summary>
    public static JsonObject Gradescope(SubmissionGrade grade) => new()
    {
        ["score"] = grade.Points,
        ["execution_time"] = (int)Math.Ceiling(grade.Elapsed.TotalSeconds),
        ["output"] = Summary(grade) + string.Concat(grade.Notebooks.SelectMany(n => n.Notes).Select(note => "\n" + note)),
        ["tests"] = new JsonArray(grade.Results.Select(r => (JsonNode)new JsonObject
        {
            ["score"] = r.Points,
            ["max_score"] = r.MaxPoints,
            ["status"] = r.Status == CheckStatus.Passed ? "passed" : "failed",
            ["name"] = $"{r.Notebook}: {r.Exercise ?? r.GradeId}",
            ["output"] = r.Message + (r.Output.Length > 0 ? "\n\n" + r.Output : ""),
            ["visibility"] = "visible",
        }).ToArray()),
    };

    /// <summary>The feedback a learner reads (Markdown).</summary>
    public static string Feedback(SubmissionGrade grade)
    {
        var text = new StringBuilder($"# Feedback for {grade.Id}\n\n{Summary(grade)}\n");
        foreach (var notebook in grade.Notebooks)
        {
            text.Append($"\n## {notebook.Notebook}: {Points(notebook.Points)} / {Points(notebook.MaxPoints)} points\n\n");
            foreach (var note in notebook.Notes) text.Append($"> {note}\n>\n");
            if (notebook.Notes.Count > 0) text.Append('\n');
            foreach (var r in notebook.Results)
            {
                string mark = r.Status == CheckStatus.Passed ? "✔" : "✘";
                text.Append($"### {mark} {r.Exercise ?? r.GradeId} — {Points(r.Points)} / {Points(r.MaxPoints)}\n\n");
                text.Append(r.HiddenChecks
                    ? r.Status == CheckStatus.Passed ? "Public checks passed; hidden checks passed.\n\n"
                        : "This exercise has hidden checks as well as the public ones you saw; the points need both.\n\n"
                    : "");
                text.Append(r.Message).Append("\n\n");
                if (r.Output.Trim().Length > 0) text.Append("```text\n").Append(r.Output.TrimEnd()).Append("\n```\n\n");
            }
        }
        return text.ToString();
    }

    static string Summary(SubmissionGrade grade) => string.Create(CultureInfo.InvariantCulture,
        $"Score: {Points(grade.Points)} / {Points(grade.MaxPoints)} ({grade.Results.Count(r => r.Status == CheckStatus.Passed)} of {grade.Results.Count()} checks passed).");

    static string Status(CheckStatus status) => status switch
    {
        CheckStatus.Passed => "passed",
        CheckStatus.Failed => "failed",
        _ => "not run",
    };

    static string Points(double points) => Exercises.ExerciseMetadata.Format(points);

    static string Quote(string field) =>
        field.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + field.Replace("\"", "\"\"") + "\"" : field;

    /// <summary>A submission id as a folder name: letters, digits, '-', '_' and '.' kept, the rest '_'.</summary>
    public static string SafeName(string id)
    {
        string safe = new(id.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_').ToArray());
        return safe.Trim('.').Length == 0 ? "_" : safe;
    }
}
