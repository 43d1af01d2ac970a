using System.Diagnostics;
using System.Threading.Channels;

namespace Book.Serving;

/// <summary>
/// The queue in front of a model (chapter 12): requests from many connections wait here, and one worker
/// takes them out in batches chosen by a <see cref="BatchingPolicy"/> and runs each batch through the model in
/// one call. Only the worker touches the model, so the model never runs two batches at once and needs no lock.
/// A batch function must return one response per request, in order; if it throws, every request of that
/// batch fails with its exception.
/// </summary>
/// <typeparam name="TRequest">What a caller submits.</typeparam>
/// <typeparam name="TResponse">What it gets back.</typeparam>
public sealed class RequestBatcher<TRequest, TResponse> : IAsyncDisposable
{
    readonly Channel<Pending> queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    readonly Func<IReadOnlyList<TRequest>, IReadOnlyList<TResponse>> runBatch;
    readonly Task worker;
    long batches, requests;

    /// <summary>A batcher that runs <paramref name="runBatch"/> on batches formed by <paramref name="policy"/>.</summary>
    public RequestBatcher(BatchingPolicy policy, Func<IReadOnlyList<TRequest>, IReadOnlyList<TResponse>> runBatch)
    {
        Policy = policy ?? throw new ArgumentNullException(nameof(policy));
        this.runBatch = runBatch ?? throw new ArgumentNullException(nameof(runBatch));
        // The worker outlives the notebook cell that starts it, so it must not inherit that cell's
        // interrupt token or output routing (both flow with the execution context).
        using (ExecutionContext.SuppressFlow()) worker = Task.Run(WorkAsync);
    }

    /// <summary>How batches are formed.</summary>
    public BatchingPolicy Policy { get; }

    /// <summary>Batches run and requests answered since the start (or the last <see cref="ResetStatistics"/>).</summary>
    public BatchStatistics Statistics => new(Interlocked.Read(ref batches), Interlocked.Read(ref requests));

    /// <summary>Starts counting batches and requests from zero.</summary>
    public void ResetStatistics()
    {
        Interlocked.Exchange(ref batches, 0);
        Interlocked.Exchange(ref requests, 0);
    }

    /// <summary>Queues <paramref name="request"/>; the task completes when its batch has run.</summary>
    public Task<TResponse> SubmitAsync(TRequest request)
    {
        var pending = new Pending(request, new TaskCompletionSource<TResponse>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!queue.Writer.TryWrite(pending))
            throw new ObjectDisposedException(nameof(RequestBatcher<TRequest, TResponse>), "The batcher is stopped; it accepts no more requests.");
        return pending.Response.Task;
    }

    /// <summary>Stops accepting requests, answers those already queued, and waits for the worker to finish.</summary>
    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        await worker.ConfigureAwait(false);
    }

    async Task WorkAsync()
    {
        var reader = queue.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            if (!reader.TryRead(out var first)) continue;
            var batch = new List<Pending> { first };
            long deadline = Stopwatch.GetTimestamp() + (long)(Policy.MaxWait.TotalSeconds * Stopwatch.Frequency);
            while (batch.Count < Policy.MaxBatchSize)
            {
                if (reader.TryRead(out var next))
                {
                    batch.Add(next);
                    continue;
                }
                var remaining = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), deadline);
                if (remaining <= TimeSpan.Zero || !await MoreArriveWithin(reader, remaining).ConfigureAwait(false)) break;
            }
            Run(batch);
        }
    }

    /// <summary>True when a request is waiting before <paramref name="window"/> ends; false at the timeout or when the queue is closed.</summary>
    static async Task<bool> MoreArriveWithin(ChannelReader<Pending> reader, TimeSpan window)
    {
        using var timeout = new CancellationTokenSource(window);
        try
        {
            return await reader.WaitToReadAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            return false;
        }
    }

    void Run(List<Pending> batch)
    {
        try
        {
            var responses = runBatch(batch.Select(p => p.Request).ToList());
            if (responses.Count != batch.Count)
                throw new InvalidOperationException($"The batch function returned {responses.Count} responses for {batch.Count} requests; expected one per request.");
            for (int i = 0; i < batch.Count; i++) batch[i].Response.TrySetResult(responses[i]);
        }
        catch (Exception error)
        {
            foreach (var pending in batch) pending.Response.TrySetException(error);
        }
        Interlocked.Increment(ref batches);
        Interlocked.Add(ref requests, batch.Count);
    }

    sealed record Pending(TRequest Request, TaskCompletionSource<TResponse> Response);
}

/// <summary>What a <see cref="RequestBatcher{TRequest, TResponse}"/> has done: batches run and requests answered.</summary>
public sealed record BatchStatistics(long Batches, long Requests)
{
    /// <summary>Requests per batch on average (0 before the first batch).</summary>
    public double MeanBatchSize => Batches == 0 ? 0 : (double)Requests / Batches;
}
