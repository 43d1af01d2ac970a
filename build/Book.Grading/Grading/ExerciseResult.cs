namespace Book.Grading.Grading;

/// <summary>How a check ended.</summary>
public enum CheckStatus
{
    /// <summary>The check cell ran to its end (the grader received its token).</summary>
    Passed,
    /// <summary>The check cell threw or did not compile.</summary>
    Failed,
    /// <summary>The check never ran: an earlier cell hung, crashed or ended the process, or the submission was unreadable.</summary>
    NotRun,
}

/// <summary>The grade of one check cell of one submission, with a message a learner can act on.</summary>
/// <param name="HiddenChecks">Whether the check had hidden tests (learners saw only a note).</param>
/// <param name="Output">What the check cell printed (its ✓ lines), for the feedback.</param>
public sealed record ExerciseResult(string Notebook, string GradeId, string? Exercise, double Points, double MaxPoints,
    CheckStatus Status, string Message, bool HiddenChecks, string Output);

/// <summary>The grade of one notebook of one submission.</summary>
/// <param name="Notes">What the grader restored or could not do, one sentence each.</param>
public sealed record NotebookGrade(string Notebook, IReadOnlyList<ExerciseResult> Results, IReadOnlyList<string> Notes, TimeSpan Elapsed)
{
    /// <summary>Points earned.</summary>
    public double Points => Results.Sum(r => r.Points);

    /// <summary>Points possible.</summary>
    public double MaxPoints => Results.Sum(r => r.MaxPoints);
}
