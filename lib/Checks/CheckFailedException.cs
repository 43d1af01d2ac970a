namespace Book.Checks;

/// <summary>
/// A claim a chapter prints did not hold on this run: two computations disagreed beyond their bound,
/// a quantity landed on the wrong side of its threshold, or an exercise answer was not the expected
/// one. The message says what was expected and what came.
/// </summary>
public sealed class CheckFailedException(string message) : Exception(message);
