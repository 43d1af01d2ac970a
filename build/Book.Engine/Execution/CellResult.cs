namespace Book.Engine.Execution;

/// <summary>How a cell's execution ended.</summary>
/// <param name="Error">The error, when the cell failed (compile error, exception, timeout, interrupt).</param>
/// <param name="Line">1-based line in the cell where the error happened, when known.</param>
/// <param name="Elapsed">Wall-clock time the cell took.</param>
/// <param name="EngineUsable">False when the cell could not be stopped and the engine must be restarted.</param>
public sealed record CellResult(ErrorOutput? Error, int? Line, TimeSpan Elapsed, bool EngineUsable = true)
{
    /// <summary>True when the cell ran to the end.</summary>
    public bool Succeeded => Error is null;

    /// <summary>What went wrong, without where: the error's name and message, e.g. "IndexOutOfRangeException: Index was outside the bounds of the array."</summary>
    public string? Reason { get; init; }
}
