namespace Book.Kernel.Handlers;

/// <summary>
/// The cell being executed, if any, so that an interrupt (arriving on the control channel's thread,
/// or as SIGINT) can cancel its token: a cooperative stop at the cell's next loop iteration or batch.
/// </summary>
public sealed class RunningCell
{
    readonly object gate = new();
    CancellationTokenSource? current;

    /// <summary>Marks a cell as running; its token is cancelled by <see cref="Interrupt"/>.</summary>
    public CancellationToken Start()
    {
        lock (gate)
        {
            current = new CancellationTokenSource();
            return current.Token;
        }
    }

    /// <summary>Marks the cell as finished.</summary>
    public void Finish()
    {
        lock (gate)
        {
            current?.Dispose();
            current = null;
        }
    }

    /// <summary>Asks the running cell to stop; false when no cell is running.</summary>
    public bool Interrupt()
    {
        lock (gate)
        {
            current?.Cancel();
            return current is not null;
        }
    }
}
