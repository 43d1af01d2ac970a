using Book.Runtime;
using static TorchSharp.torch;

namespace Book.Training;

/// <summary>
/// The memory discipline of every training loop in the library (chapter 07): each step — producing the
/// batch and using it — runs inside its own <c>torch.NewDisposeScope()</c>, so every tensor the step
/// creates is freed when it ends, and each step first checks <see cref="Interruption.ThrowIfRequested"/>.
/// </summary>
static class StepScopes
{
    /// <summary>
    /// Enumerates <paramref name="source"/> with a fresh dispose scope around each item: the scope opens
    /// before the item is produced and closes when the loop body that uses it ends.
    /// </summary>
    public static IEnumerable<T> Each<T>(IEnumerable<T> source)
    {
        using var items = source.GetEnumerator();
        while (true)
        {
            Interruption.ThrowIfRequested();
            using var scope = NewDisposeScope();
            if (!items.MoveNext()) yield break;
            yield return items.Current;
        }
    }
}
