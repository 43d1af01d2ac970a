namespace Book.Checks;

/// <summary>
/// What a learner's copy of an exercise holds where the answer was (<c>book assign</c> writes it): an
/// expression of any type that throws, so that <c>double days = Exercise.Todo("…");</c> compiles and, run,
/// says what to do. Where the answer is a whole statement the copy holds <c>throw new NotImplementedException(…)</c>.
/// </summary>
public static class Exercise
{
    /// <summary>Throws <see cref="NotImplementedException"/> with <paramref name="message"/>; typed <c>dynamic</c> so it fits any assignment.</summary>
    public static dynamic Todo(string message) => throw new NotImplementedException(message);
}
