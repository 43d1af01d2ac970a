using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Book.Serving;

/// <summary>
/// A prediction service over HTTP (chapter 12), an ASP.NET Core minimal API on Kestrel that listens on the
/// loopback address 127.0.0.1 only — reachable from this machine, never from the network:
/// <list type="bullet">
/// <item><c>GET /health</c> → 200 with the models it serves and its batching policy;</item>
/// <item><c>POST /predict</c> <c>{"features": [...]}</c> → 200 <c>{"probability": p, "label": "benign"}</c>;</item>
/// <item><c>POST /generate</c> <c>{"prompt": "...", "tokens": n}</c> → 200 <c>{"text": "...", "tokens": n}</c>.</item>
/// </list>
/// A malformed request gets 400 with <c>{"error": "..."}</c> naming what was expected (<see cref="ServiceRequests"/>);
/// an endpoint whose model the service lacks, 404. Valid requests wait in a <see cref="RequestBatcher{TRequest, TResponse}"/>
/// per model, which runs them in batches chosen by the <see cref="BatchingPolicy"/>; text is generated with a
/// <see cref="Models.TransformerLanguageModel.KeyValueCache"/>, probabilities are rounded to <see cref="ProbabilityDecimals"/> decimals. <see cref="StartAsync"/> returns
/// once the port is open; disposing stops accepting connections, lets requests in flight finish and closes the port.
/// </summary>
public sealed class PredictionService : IAsyncDisposable
{
    /// <summary>Decimals of a returned probability: what the model can tell apart, not the noise digits of float32.</summary>
    public const int ProbabilityDecimals = 4;

    /// <summary>Largest request body accepted, in bytes (larger ones get 413).</summary>
    public const int MaxRequestBytes = 64 * 1024;

    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    readonly WebApplication app;
    readonly RequestBatcher<float[], double>? predictions;
    readonly RequestBatcher<GenerationRequest, string>? generations;

    PredictionService(WebApplication app, RequestBatcher<float[], double>? predictions, RequestBatcher<GenerationRequest, string>? generations,
        ServedClassifier? classifier, ServedLanguageModel? languageModel, BatchingPolicy policy)
    {
        (this.app, this.predictions, this.generations) = (app, predictions, generations);
        (Classifier, LanguageModel, Policy) = (classifier, languageModel, policy);
    }

    /// <summary>The classifier behind <c>/predict</c>, if any.</summary>
    public ServedClassifier? Classifier { get; }

    /// <summary>The language model behind <c>/generate</c>, if any.</summary>
    public ServedLanguageModel? LanguageModel { get; }

    /// <summary>How requests are batched.</summary>
    public BatchingPolicy Policy { get; }

    /// <summary>Where the service listens, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri Address { get; private set; } = null!;

    /// <summary>Batches and requests the classifier has run.</summary>
    public BatchStatistics PredictionStatistics => predictions?.Statistics ?? new(0, 0);

    /// <summary>Batches and requests the language model has run.</summary>
    public BatchStatistics GenerationStatistics => generations?.Statistics ?? new(0, 0);

    /// <summary>Counts batches from zero again (before a load test).</summary>
    public void ResetStatistics()
    {
        predictions?.ResetStatistics();
        generations?.ResetStatistics();
    }

    /// <summary>Starts a service for the given models on 127.0.0.1, port <paramref name="port"/> (0: any free port).</summary>
    public static async Task<PredictionService> StartAsync(ServedClassifier? classifier, ServedLanguageModel? languageModel,
        BatchingPolicy? policy = null, int port = 0)
    {
        if (classifier is null && languageModel is null) throw new ArgumentException("Expected at least one model to serve, got none.");
        if (port is < 0 or > 65535) throw new ArgumentOutOfRangeException(nameof(port), port, "Expected a TCP port in [0, 65535].");
        policy ??= BatchingPolicy.None;
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = "Book.Serving" });
        builder.Logging.ClearProviders();
        builder.Services.AddRoutingCore();
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, port);
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = MaxRequestBytes;
        });
        var app = builder.Build();
        var predictions = classifier is null ? null
            : new RequestBatcher<float[], double>(policy, rows => classifier.Probabilities(rows));
        var generations = languageModel is null ? null
            : new RequestBatcher<GenerationRequest, string>(policy, requests => languageModel.Generate(requests, useCache: true));
        var service = new PredictionService(app, predictions, generations, classifier, languageModel, policy);
        app.MapGet("/health", service.Health);
        app.MapPost("/predict", service.Predict);
        app.MapPost("/generate", service.Generate);
        using (ExecutionContext.SuppressFlow()) await app.StartAsync().ConfigureAwait(false);
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        service.Address = new Uri(address.EndsWith('/') ? address : address + "/");
        return service;
    }

    /// <summary>Stops the server (requests in flight finish), then the batchers.</summary>
    public async ValueTask DisposeAsync()
    {
        await app.StopAsync().ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
        if (predictions is not null) await predictions.DisposeAsync().ConfigureAwait(false);
        if (generations is not null) await generations.DisposeAsync().ConfigureAwait(false);
    }

    Task Health(HttpContext context) => Reply(context, StatusCodes.Status200OK, new
    {
        status = "ok",
        batching = Policy.ToString(),
        classifier = Classifier is null ? null : new { features = Classifier.Features, classes = Classifier.Classes },
        languageModel = LanguageModel is null ? null
            : new { parameters = LanguageModel.Parameters, context = LanguageModel.Context, vocabulary = LanguageModel.Tokenizer.Vocabulary.Count },
    });

    Task Predict(HttpContext context) => Handle(context, predictions, "a classifier", async body =>
    {
        var features = ServiceRequests.Features(body, Classifier!.Features);
        double p = await predictions!.SubmitAsync(features).ConfigureAwait(false);
        return new { probability = Math.Round(p, ProbabilityDecimals), label = Classifier.Label(p) };
    });

    Task Generate(HttpContext context) => Handle(context, generations, "a language model", async body =>
    {
        var request = ServiceRequests.Generation(body, LanguageModel!);
        string text = await generations!.SubmitAsync(request).ConfigureAwait(false);
        return new { text, tokens = request.Tokens };
    });

    /// <summary>Reads the body, lets <paramref name="answer"/> validate and run it, and turns the outcome into a status and JSON.</summary>
    static async Task Handle(HttpContext context, object? model, string what, Func<JsonElement, Task<object>> answer)
    {
        if (model is null)
        {
            await Reply(context, StatusCodes.Status404NotFound, new { error = $"This service has no {what}." });
            return;
        }
        try
        {
            using var reader = new StreamReader(context.Request.Body);
            using var body = ServiceRequests.ParseJson(await reader.ReadToEndAsync(context.RequestAborted));
            await Reply(context, StatusCodes.Status200OK, await answer(body.RootElement));
        }
        catch (BadRequestException error)
        {
            await Reply(context, StatusCodes.Status400BadRequest, new { error = error.Message });
        }
        catch (BadHttpRequestException error)
        {
            await Reply(context, error.StatusCode, new { error = error.Message });
        }
    }

    static async Task Reply(HttpContext context, int status, object body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await JsonSerializer.SerializeAsync(context.Response.Body, body, Json, context.RequestAborted);
    }
}
