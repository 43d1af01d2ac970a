namespace Book.Engine.Execution;

/// <summary>
/// Jupyter's execution count — 1, 2, 3… over the cells run in one session, shown as <c>[n]</c> beside a
/// cell and stored with its result — and the name a cell has in errors and stack traces. The same for
/// <c>book run</c>, the kernel and the engine: a cell is "cell N", N being its position in the notebook
/// when that is known (as VS Code and Jupyter number cells), else its execution count.
/// </summary>
public sealed class ExecutionCounter
{
    /// <summary>The count of the last cell counted; 0 before the first.</summary>
    public int Count { get; private set; }

    /// <summary>
    /// The next cell: counted unless <paramref name="storeHistory"/> is false (Jupyter's <c>store_history</c>:
    /// such a cell runs with the current count).
    /// </summary>
    /// <param name="notebookPosition">The cell's 1-based position among all cells of its notebook, when known.</param>
    public CellLabel Next(bool storeHistory = true, int? notebookPosition = null)
    {
        if (storeHistory) Count++;
        return new CellLabel(Count, $"cell {notebookPosition ?? Count}");
    }
}

/// <summary>A cell about to run: its execution count and its name in errors ("cell 7").</summary>
public sealed record CellLabel(int ExecutionCount, string Name);
