using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Book.Tests.Browser;

/// <summary>
/// One tab of <see cref="Chromium"/>: navigates, evaluates JavaScript, takes screenshots, and records every
/// error the page reports — uncaught exceptions, <c>console.error</c>, and failed loads from the browser log.
/// </summary>
sealed class BrowserPage
{
    readonly DevToolsConnection connection;
    readonly string sessionId;
    readonly ConcurrentQueue<string> errors = new();
    TaskCompletionSource loaded = new(TaskCreationOptions.RunContinuationsAsynchronously);

    BrowserPage(DevToolsConnection connection, string sessionId)
    {
        this.connection = connection;
        this.sessionId = sessionId;
        connection.EventReceived += OnEvent;
    }

    /// <summary>The errors reported since the last <see cref="NavigateAsync"/>.</summary>
    public IReadOnlyList<string> Errors => errors.ToArray();

    /// <summary>Opens a blank tab, attaches to it and turns on the events it needs.</summary>
    public static async Task<BrowserPage> OpenAsync(DevToolsConnection connection)
    {
        var target = await connection.SendAsync("Target.createTarget", new JsonObject { ["url"] = "about:blank" });
        var attached = await connection.SendAsync("Target.attachToTarget",
            new JsonObject { ["targetId"] = (string?)target["targetId"], ["flatten"] = true });
        var page = new BrowserPage(connection, (string)attached["sessionId"]!);
        foreach (string domain in new[] { "Page.enable", "Runtime.enable", "Log.enable" })
            await page.SendAsync(domain);
        return page;
    }

    /// <summary>Loads <paramref name="url"/> and waits for its load event; forgets earlier errors.</summary>
    public async Task NavigateAsync(Uri url)
    {
        errors.Clear();
        loaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var result = await SendAsync("Page.navigate", new JsonObject { ["url"] = url.AbsoluteUri });
        if ((string?)result["errorText"] is { } failure) throw new InvalidOperationException($"Could not open {url}: {failure}.");
        await loaded.Task.WaitAsync(TimeSpan.FromSeconds(60));
    }

    /// <summary>Makes the page <paramref name="width"/> × <paramref name="height"/> CSS pixels, as a phone (below 600 px) or a desktop window.</summary>
    public Task SetViewportAsync(int width, int height) =>
        SendAsync("Emulation.setDeviceMetricsOverride", new JsonObject
        {
            ["width"] = width, ["height"] = height, ["deviceScaleFactor"] = 1, ["mobile"] = width < 600,
        });

    /// <summary>Evaluates <paramref name="expression"/> (awaiting a promise) and returns its value as JSON.</summary>
    public async Task<JsonNode?> EvaluateAsync(string expression)
    {
        var result = await SendAsync("Runtime.evaluate",
            new JsonObject { ["expression"] = expression, ["returnByValue"] = true, ["awaitPromise"] = true });
        if (result["exceptionDetails"] is JsonObject exception)
            throw new InvalidOperationException($"Evaluating `{expression}` threw: {exception.ToJsonString()}");
        return result["result"]?["value"]?.DeepClone();
    }

    /// <summary>Polls <paramref name="expression"/> until it is true; false when <paramref name="timeout"/> passes first.</summary>
    public async Task<bool> WaitUntilAsync(string expression, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (await EvaluateAsync($"Boolean({expression})") is JsonValue value && value.GetValue<bool>()) return true;
            await Task.Delay(100);
        }
        return false;
    }

    /// <summary>Saves a PNG of the whole page (up to 4000 px tall) to <paramref name="path"/>.</summary>
    public async Task ScreenshotAsync(string path)
    {
        var metrics = await SendAsync("Page.getLayoutMetrics");
        var size = metrics["cssContentSize"]!;
        var clip = new JsonObject
        {
            ["x"] = 0, ["y"] = 0, ["scale"] = 1,
            ["width"] = (double)size["width"]!, ["height"] = Math.Min((double)size["height"]!, 4000),
        };
        var result = await SendAsync("Page.captureScreenshot",
            new JsonObject { ["format"] = "png", ["captureBeyondViewport"] = true, ["clip"] = clip }, TimeSpan.FromSeconds(60));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, Convert.FromBase64String((string)result["data"]!));
    }

    static string Arguments(JsonArray args) =>
        string.Join(' ', args.Select(arg => (string?)arg?["description"] ?? arg?["value"]?.ToJsonString()));

    Task<JsonObject> SendAsync(string method, JsonObject? parameters = null, TimeSpan? timeout = null) =>
        connection.SendAsync(method, parameters, sessionId, timeout);

    void OnEvent(string method, JsonObject parameters, string? session)
    {
        if (session != sessionId) return;
        switch (method)
        {
            case "Page.loadEventFired":
                loaded.TrySetResult();
                break;
            case "Runtime.exceptionThrown":
                var details = parameters["exceptionDetails"];
                string description = (string?)details?["exception"]?["description"] ?? (string?)details?["text"] ?? "";
                errors.Enqueue($"uncaught: {description}");
                break;
            case "Runtime.consoleAPICalled" when (string?)parameters["type"] is "error" or "assert":
                errors.Enqueue($"console.{(string?)parameters["type"]}: {Arguments(parameters["args"] as JsonArray ?? [])}");
                break;
            case "Log.entryAdded" when parameters["entry"] is JsonObject entry && (string?)entry["level"] == "error":
                string text = (string?)entry["text"] ?? "", url = (string?)entry["url"] ?? "";
                errors.Enqueue($"log: {text} {url}");
                break;
        }
    }
}
