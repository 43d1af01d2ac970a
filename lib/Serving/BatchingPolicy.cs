using System.Globalization;

namespace Book.Serving;

/// <summary>
/// When a server runs the requests waiting in its queue through the model together (chapter 12). One forward
/// pass over a batch of B inputs costs far less than B passes over one — the weights are read once for all B
/// — but a request that waits for others to arrive waits. A policy is a largest batch B and a wait window W:
/// the server takes the first waiting request, then collects more until it has B or W has passed since it
/// took the first, and runs them all.
/// <list type="bullet">
/// <item><see cref="None"/>: B = 1, W = 0 — every request alone, in arrival order.</item>
/// <item><see cref="Static"/>: always B (W = <see cref="StaticFlushAfter"/>, only so that a last, partial
/// batch is not kept forever) — the fixed batch shape of offline jobs and early servers.</item>
/// <item><see cref="Dynamic"/>: up to B, waiting at most a short W — what TensorFlow Serving, Triton and
/// TorchServe call dynamic batching: under light load a request leaves after W at worst; under heavy
/// load batches fill up before W and the window costs nothing.</item>
/// </list>
/// </summary>
/// <param name="Name">"none", "static" or "dynamic", as tables and charts show it.</param>
/// <param name="MaxBatchSize">B, the most requests run together.</param>
/// <param name="MaxWait">W, how long the first request of a batch may wait for the others.</param>
public sealed record BatchingPolicy(string Name, int MaxBatchSize, TimeSpan MaxWait)
{
    /// <summary>How long a static batch waits to be full before it runs anyway.</summary>
    public static readonly TimeSpan StaticFlushAfter = TimeSpan.FromSeconds(0.5);

    /// <summary>Every request on its own.</summary>
    public static BatchingPolicy None { get; } = new("none", 1, TimeSpan.Zero);

    /// <summary>Batches of exactly <paramref name="batchSize"/> (a partial one only after <see cref="StaticFlushAfter"/>).</summary>
    public static BatchingPolicy Static(int batchSize) => new("static", Positive(batchSize), StaticFlushAfter);

    /// <summary>Up to <paramref name="maxBatchSize"/> requests, the first waiting at most <paramref name="window"/>.</summary>
    public static BatchingPolicy Dynamic(int maxBatchSize, TimeSpan window)
    {
        if (window < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(window), window, "Expected a non-negative wait window.");
        return new("dynamic", Positive(maxBatchSize), window);
    }

    /// <summary>"dynamic (B ≤ 16, W = 2 ms)".</summary>
    public override string ToString() => Name switch
    {
        "none" => "none (B = 1)",
        "static" => $"static (B = {MaxBatchSize})",
        _ => string.Create(CultureInfo.InvariantCulture, $"{Name} (B ≤ {MaxBatchSize}, W = {MaxWait.TotalMilliseconds:0.#} ms)"),
    };

    static int Positive(int batchSize) => batchSize >= 1 ? batchSize
        : throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "Expected a batch size of at least 1.");
}
