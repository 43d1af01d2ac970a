using TorchSharp;

namespace Book.Runtime;

/// <summary>
/// How many tensors are alive, chapter 2's measure of a leak. A tensor's numbers live in native memory that
/// libtorch allocates; the .NET garbage collector sees only the small managed object that points to them, so
/// it neither knows how much memory a tensor holds nor hurries to free it. Every tensor a loop creates and
/// nobody disposes (directly or through <c>torch.NewDisposeScope()</c>) stays alive until a collection happens
/// to finalise it. The count is TorchSharp's own bookkeeping for the current thread — tensors created minus
/// tensors disposed — so it is exact and the same on every machine, unlike the process's memory.
/// </summary>
public static class LiveTensors
{
    /// <summary>Tensors created on this thread and not yet disposed.</summary>
    public static long Count => DisposeScopeManager.Statistics.ThreadTotalLiveCount;

    /// <summary>How many more tensors are alive after <paramref name="work"/> ran than before (negative when it freed some).</summary>
    public static long LeftAliveBy(Action work)
    {
        ArgumentNullException.ThrowIfNull(work);
        long before = Count;
        work();
        return Count - before;
    }
}
