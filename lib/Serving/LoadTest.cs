using System.Diagnostics;

namespace Book.Serving;

/// <summary>
/// A bounded load test (chapter 12): <see cref="Concurrency"/> simulated clients each send a request, wait for
/// its answer, and send the next, until <see cref="Requests"/> have been sent or <see cref="TimeLimit"/> has
/// passed — a closed loop, so at most <see cref="Concurrency"/> requests are ever in flight and the test cannot
/// flood the machine. A few warm-up requests go first and are not counted. The report gives throughput
/// (answers per second of wall time) and the latency percentiles every client saw.
/// </summary>
/// <param name="Path">The endpoint, e.g. "generate".</param>
/// <param name="Body">The JSON body of request i.</param>
/// <param name="Requests">How many requests to send, at most.</param>
/// <param name="Concurrency">Clients sending at the same time.</param>
/// <param name="TimeLimit">No request starts after this; those in flight still finish.</param>
/// <param name="TokensPerRequest">Tokens each answer carries (for tokens per second), 0 when not counted.</param>
public sealed record LoadTest(string Path, Func<int, string> Body, int Requests, int Concurrency, TimeSpan TimeLimit, int TokensPerRequest = 0)
{
    /// <summary>Requests sent one by one before the clock starts (JIT compilation, first allocations).</summary>
    public const int WarmupRequests = 4;

    /// <summary>
    /// Runs the test against the service at <paramref name="address"/>; <paramref name="afterWarmup"/>, if given, is called
    /// between the warm-up requests and the measured ones (to reset the server's counters, so that they count only the test).
    /// </summary>
    public async Task<LoadReport> RunAsync(Uri address, Action? afterWarmup = null)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (Requests < 1 || Concurrency < 1) throw new ArgumentException($"Expected at least one request and one client, got {Requests} and {Concurrency}.");
        using var client = new ServiceClient(address, Concurrency);
        for (int i = 0; i < WarmupRequests; i++) await client.PostAsync(Path, Body(i)).ConfigureAwait(false);
        afterWarmup?.Invoke();

        var latencies = new double[Requests];
        var succeeded = new bool[Requests];
        var sent = new bool[Requests];
        int next = -1;
        var clock = Stopwatch.StartNew();
        async Task Client()
        {
            for (int i = Interlocked.Increment(ref next); i < Requests && clock.Elapsed < TimeLimit; i = Interlocked.Increment(ref next))
            {
                sent[i] = true;
                long start = Stopwatch.GetTimestamp();
                var response = await client.PostAsync(Path, Body(i)).ConfigureAwait(false);
                latencies[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                succeeded[i] = response.Succeeded;
            }
        }
        await Task.WhenAll(Enumerable.Range(0, Concurrency).Select(_ => Task.Run(Client))).ConfigureAwait(false);
        var elapsed = clock.Elapsed;
        var done = Enumerable.Range(0, Requests).Where(i => succeeded[i]).Select(i => latencies[i]).ToList();
        return new LoadReport(this, sent.Count(s => s), done.Count, elapsed, done.Count == 0 ? null : LatencyPercentiles.Of(done));
    }
}

/// <summary>What a <see cref="LoadTest"/> measured.</summary>
/// <param name="Test">The test that ran.</param>
/// <param name="Sent">Requests sent (fewer than asked when the time limit ended the test).</param>
/// <param name="Succeeded">Requests answered with 2xx.</param>
/// <param name="Elapsed">Wall time from the first to the last answer.</param>
/// <param name="Latency">Percentiles of the successful requests' latencies; null when none succeeded.</param>
public sealed record LoadReport(LoadTest Test, int Sent, int Succeeded, TimeSpan Elapsed, LatencyPercentiles? Latency)
{
    /// <summary>Successful requests per second.</summary>
    public double RequestsPerSecond => Succeeded / Elapsed.TotalSeconds;

    /// <summary>Tokens answered per second (requests per second × tokens per request).</summary>
    public double TokensPerSecond => RequestsPerSecond * Test.TokensPerRequest;

    /// <summary>True when every request was sent and answered successfully.</summary>
    public bool Complete => Sent == Test.Requests && Succeeded == Sent;
}
