namespace Book.Runtime;

/// <summary>
/// Cooperative stopping of long work. The engine sets <see cref="Token"/> for each cell (it flows
/// with async calls) and cancels it on a timeout or a Jupyter interrupt; the engine also inserts a
/// call to <see cref="ThrowIfRequested"/> into every loop of a cell, and the trainer calls it once per
/// batch, so a runaway loop or a long training run stops with <see cref="OperationCanceledException"/>.
/// </summary>
public static class Interruption
{
    static readonly AsyncLocal<CancellationToken> token = new();

    /// <summary>The token of the current execution; <see cref="CancellationToken.None"/> outside the engine.</summary>
    public static CancellationToken Token
    {
        get => token.Value;
        set => token.Value = value;
    }

    /// <summary>Throws <see cref="OperationCanceledException"/> when the current execution was asked to stop.</summary>
    public static void ThrowIfRequested() => token.Value.ThrowIfCancellationRequested();
}
