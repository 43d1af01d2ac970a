using System.Net;
using System.Net.Http;
using Book.Data;
using Book.Models;
using Book.Serving;
using static TorchSharp.torch;

namespace Book.Tests.Serving;

/// <summary>The HTTP service of chapter 12: loopback only, answers, refuses malformed requests with 400, stops.</summary>
[Collection(SeededCollection.Name)]
public class PredictionServiceTests
{
    static ServedClassifier Classifier()
    {
        Book.Runtime.Reproducibility.Seed(3);
        var standardizer = Standardizer.FromStatistics([1, 2, 3], [1, 1, 2]);
        return new ServedClassifier(new Mlp([3, 4, 1]), [3, 4, 1], standardizer, ["no", "yes"]);
    }

    [Fact]
    public async Task It_listens_on_loopback_answers_refuses_and_stops()
    {
        var classifier = Classifier();
        Uri address;
        await using (var service = await PredictionService.StartAsync(classifier, null, BatchingPolicy.Dynamic(4, TimeSpan.FromMilliseconds(1))))
        {
            address = service.Address;
            Assert.True(IPAddress.IsLoopback(IPAddress.Parse(address.Host)), $"expected a loopback address, got {address}");
            Assert.NotEqual(0, address.Port);
            using var client = new ServiceClient(address);

            Assert.Equal(200, (await client.GetAsync("health")).Status);
            var answer = await client.PostAsync("predict", "{\"features\": [1.5, 2, -3]}");
            Assert.Equal(200, answer.Status);
            double expected = classifier.Probabilities([[1.5f, 2f, -3f]])[0];
            Assert.Contains($"\"probability\":{Math.Round(expected, PredictionService.ProbabilityDecimals).ToString(System.Globalization.CultureInfo.InvariantCulture)}", answer.Body);

            var wrongLength = await client.PostAsync("predict", "{\"features\": [1, 2]}");
            Assert.Equal(400, wrongLength.Status);
            Assert.Contains("3 numbers, got 2", wrongLength.Body);
            var notJson = await client.PostAsync("predict", "features=1,2,3");
            Assert.Equal(400, notJson.Status);
            Assert.Contains("JSON", notJson.Body);
            Assert.Equal(400, (await client.PostAsync("predict", "{\"features\": [1, \"x\", 3]}")).Status);
            Assert.Equal(404, (await client.PostAsync("generate", "{\"prompt\": \"a\", \"tokens\": 1}")).Status);
            Assert.Equal(1, service.PredictionStatistics.Requests);
        }
        using var after = new ServiceClient(address, timeout: TimeSpan.FromSeconds(5));
        await Assert.ThrowsAsync<HttpRequestException>(() => after.GetAsync("health"));
    }

    [Fact]
    public async Task Concurrent_requests_share_batches_under_dynamic_batching_and_never_under_none()
    {
        var classifier = Classifier();
        foreach (var (policy, batched) in new[] { (BatchingPolicy.None, false), (BatchingPolicy.Dynamic(8, TimeSpan.FromMilliseconds(200)), true) })
        {
            await using var service = await PredictionService.StartAsync(classifier, null, policy);
            var test = new LoadTest("predict", i => $"{{\"features\": [{i}, 0, 1]}}", Requests: 24, Concurrency: 8, TimeLimit: TimeSpan.FromSeconds(30));
            var report = await test.RunAsync(service.Address, afterWarmup: service.ResetStatistics);
            Assert.True(report.Complete, $"{policy}: {report.Succeeded} of {report.Sent} answered");
            Assert.Equal(24, report.Latency!.Count);
            var batches = service.PredictionStatistics;
            Assert.Equal(24, batches.Requests);   // the warm-up requests are not counted
            if (batched) Assert.True(batches.MeanBatchSize > 1.5, $"{policy}: mean batch {batches.MeanBatchSize}");
            else Assert.Equal(1, batches.MeanBatchSize);
        }
    }

    [Fact]
    public async Task A_static_batcher_waits_for_a_full_batch_and_answers_every_request()
    {
        var sizes = new List<int>();
        await using var batcher = new RequestBatcher<int, int>(BatchingPolicy.Static(4), batch =>
        {
            lock (sizes) sizes.Add(batch.Count);
            return batch.Select(x => 2 * x).ToList();
        });
        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(batcher.SubmitAsync));
        Assert.Equal(Enumerable.Range(0, 8).Select(x => 2 * x), answers);
        Assert.Equal([4, 4], sizes);
        Assert.Equal(4, batcher.Statistics.MeanBatchSize);
    }

    [Fact]
    public async Task Nothing_to_serve_is_refused_before_a_port_opens()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => PredictionService.StartAsync(null, null));
    }
}
