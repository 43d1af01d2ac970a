using System.Collections.Concurrent;
using System.Diagnostics;
using Book.Grading.Exercises;
using Book.Grading.Sandboxing;

namespace Book.Grading.Grading;

/// <summary>
/// Grades a batch: each submission's notebooks in their own sandboxed runner, <c>jobs</c> submissions at a
/// time (one sandbox slot each). Nothing a submission does stops the batch: its own problems become
/// messages and zero points in its own results.
/// </summary>
public static class Grader
{
    /// <summary>Grades <paramref name="submissions"/>; <paramref name="finished"/> is told about each as it completes.</summary>
    public static async Task<IReadOnlyList<SubmissionGrade>> GradeAsync(AutograderBundle bundle, IReadOnlyList<Submission> submissions,
        Sandbox sandbox, int jobs, Action<SubmissionGrade>? finished = null, CancellationToken cancellation = default)
    {
        var slots = new ConcurrentBag<int>(Enumerable.Range(0, jobs));
        var grades = new SubmissionGrade[submissions.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, submissions.Count),
            new ParallelOptions { MaxDegreeOfParallelism = jobs, CancellationToken = cancellation }, async (i, token) =>
            {
                slots.TryTake(out int slot);
                try
                {
                    var clock = Stopwatch.StartNew();
                    var notebooks = new List<NotebookGrade>();
                    foreach (var assigned in bundle.Notebooks)
                        notebooks.Add(submissions[i].Notebooks.TryGetValue(assigned.Name, out var path)
                            ? await SubmissionRun.GradeAsync(path, assigned, sandbox, slot, token)
                            : SubmissionRun.Ungraded(assigned, $"No notebook for '{assigned.Name}' was submitted.", TimeSpan.Zero));
                    grades[i] = new SubmissionGrade(submissions[i].Id, notebooks, clock.Elapsed);
                    finished?.Invoke(grades[i]);
                }
                finally { slots.Add(slot); }
            });
        return grades;
    }
}
