using System.Globalization;
using System.Text;
using System.Text.Json;
using Book.Display;
using Book.Runtime;
using Microsoft.DotNet.Interactive.Formatting;

namespace Book.Serving;

/// <summary>
/// What chapter 12 measured on this machine, published for chapter 13's cost model (<see cref="ChapterPublication"/>,
/// under the name <see cref="Name"/>): the served language model's size, this machine's roofline numbers, how close
/// a decoding step came to the memory-bandwidth bound, and every load test. Chapter 13 computes its cost per token
/// from these figures, never from numbers typed into its text.
/// </summary>
/// <param name="Machine">Where it was measured (device, threads, TorchSharp version, logical processors).</param>
/// <param name="LanguageModelParameters">N of the served language model.</param>
/// <param name="BytesPerParameter">Bytes per weight as served (4 for float32).</param>
/// <param name="MemoryBandwidthGigabytesPerSecond">Measured by <see cref="MeasuredHardware"/>.</param>
/// <param name="MatmulGigaflopsPerSecond">Measured by <see cref="MeasuredHardware"/>.</param>
/// <param name="DecodeEfficiency">Measured tokens/s ÷ the roofline's bound for the <see cref="WeightStack"/> at batch 1.</param>
/// <param name="LoadTests">One row per load test of the language model's endpoint.</param>
public sealed record ServingMeasurements(string Machine, long LanguageModelParameters, int BytesPerParameter,
    double MemoryBandwidthGigabytesPerSecond, double MatmulGigaflopsPerSecond, double DecodeEfficiency, IReadOnlyList<LoadFigures> LoadTests)
{
    /// <summary>The name chapter 12's publishing cell uses.</summary>
    public const string Name = "serving-measurements";

    /// <summary>Chapter 12's notebook.</summary>
    public const string Chapter = "12-serving-a-model.ipynb";

    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>The load test with the highest token throughput.</summary>
    public LoadFigures Fastest => LoadTests.MaxBy(t => t.TokensPerSecond)
        ?? throw new InvalidOperationException("No load tests were recorded.");

    /// <summary>The measurements chapter 12 published, read from its saved notebook (<paramref name="notebook"/> to read another copy).</summary>
    public static ServingMeasurements FromChapter(string notebook = Chapter)
    {
        var node = ChapterPublication.Read(notebook, Name);
        var value = node.Deserialize<ServingMeasurements>(Json);
        if (value?.LoadTests is not { Count: > 0 } || value.Machine is null)
            throw new InvalidDataException($"{notebook}: the published \"{Name}\" lacks its machine or load tests; run chapter 12 again.");
        return value;
    }

    /// <summary>The JSON that is published.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>A plain-text summary, for terminals and the website.</summary>
    public override string ToString()
    {
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"serving measurements ({Machine})\n");
        text.Append(CultureInfo.InvariantCulture,
            $"language model: {LanguageModelParameters:N0} parameters × {BytesPerParameter} bytes; memory {MemoryBandwidthGigabytesPerSecond:F1} GB/s, ");
        text.Append(CultureInfo.InvariantCulture, $"matrix product {MatmulGigaflopsPerSecond:F1} GFLOP/s, decoding at {100 * DecodeEfficiency:F0} % of its bound\n");
        foreach (var t in LoadTests)
            text.Append(CultureInfo.InvariantCulture,
                $"{t.Policy}, {t.Concurrency} clients: {t.TokensPerSecond:F0} tokens/s, p50 {t.P50Milliseconds:F1} ms, p99 {t.P99Milliseconds:F1} ms, mean batch {t.MeanBatchSize:F1}\n");
        return text.ToString().TrimEnd();
    }
}

/// <summary>One load test as published: policy, clients, throughput and latency.</summary>
public sealed record LoadFigures(string Policy, int Concurrency, int Requests, double RequestsPerSecond, double TokensPerSecond,
    double P50Milliseconds, double P95Milliseconds, double P99Milliseconds, double MeanBatchSize)
{
    /// <summary>The figures of <paramref name="report"/>, whose batches the service counted as <paramref name="batches"/>.</summary>
    public static LoadFigures From(BatchingPolicy policy, LoadReport report, BatchStatistics batches)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(batches);
        var latency = report.Latency ?? throw new ArgumentException("Expected a load test with answered requests, got none answered.", nameof(report));
        return new LoadFigures(policy.Name, report.Test.Concurrency, report.Succeeded, report.RequestsPerSecond, report.TokensPerSecond,
            latency.P50Milliseconds, latency.P95Milliseconds, latency.P99Milliseconds, batches.MeanBatchSize);
    }
}

/// <summary>Shows <see cref="ServingMeasurements"/> as the JSON that chapter 13 reads, with a plain-text summary.</summary>
public sealed class ServingMeasurementsFormatters : IFormatterSet
{
    /// <inheritdoc />
    public void Register() => Formatter.Register<ServingMeasurements>(m => m.ToJson(), ChapterPublication.MimeType);
}
