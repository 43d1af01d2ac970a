using System.Text.Json;

namespace Book.Serving;

/// <summary>
/// What the prediction service accepts (chapter 12), checked before anything reaches the model: a request that
/// does not fit gets HTTP 400 and one sentence that names what was expected and what came — never a stack
/// trace, and never a model run on garbage.
/// <list type="bullet">
/// <item><c>POST /predict</c>: <c>{"features": [x₁, …, x_F]}</c>, exactly F finite numbers (raw, unstandardised).</item>
/// <item><c>POST /generate</c>: <c>{"prompt": "text", "tokens": n, "temperature": t}</c> with characters the model
/// knows, 1 ≤ n, prompt + n within the model's context, 0 ≤ t ≤ 5 (optional, default 0).</item>
/// </list>
/// </summary>
public static class ServiceRequests
{
    /// <summary>The largest temperature accepted.</summary>
    public const double MaxTemperature = 5;

    /// <summary>Parses a request body; invalid JSON is a <see cref="BadRequestException"/>.</summary>
    public static JsonDocument ParseJson(string body)
    {
        if (string.IsNullOrWhiteSpace(body)) throw new BadRequestException("Expected a JSON object in the request body, got an empty body.");
        try
        {
            return JsonDocument.Parse(body);
        }
        catch (JsonException error)
        {
            throw new BadRequestException($"Expected a JSON object in the request body, got text that is not JSON ({error.Message}).");
        }
    }

    /// <summary>The features of a <c>/predict</c> body for a model of <paramref name="features"/> inputs.</summary>
    public static float[] Features(JsonElement body, int features)
    {
        var array = Member(body, "features", JsonValueKind.Array, $"an array of {features} numbers");
        if (array.GetArrayLength() != features)
            throw new BadRequestException($"Expected \"features\" to hold {features} numbers, got {array.GetArrayLength()}.");
        var values = new float[features];
        int i = 0;
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Number || !item.TryGetDouble(out double x) || !double.IsFinite(x) || Math.Abs(x) > float.MaxValue)
                throw new BadRequestException($"Expected \"features\"[{i}] to be a finite number, got {Show(item)}.");
            values[i++] = (float)x;
        }
        return values;
    }

    /// <summary>The request of a <c>/generate</c> body for <paramref name="model"/>.</summary>
    public static GenerationRequest Generation(JsonElement body, ServedLanguageModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        string prompt = Member(body, "prompt", JsonValueKind.String, "a string").GetString()!;
        var tokensElement = Member(body, "tokens", JsonValueKind.Number, "a whole number");
        if (!tokensElement.TryGetInt32(out int tokens) || tokens < 1)
            throw new BadRequestException($"Expected \"tokens\" to be a whole number of at least 1, got {Show(tokensElement)}.");
        int length = model.Tokenizer.Tokenize(prompt).Count;
        if (length < 1) throw new BadRequestException("Expected a non-empty \"prompt\".");
        if (length + tokens > model.Context)
            throw new BadRequestException($"Expected prompt + tokens ≤ {model.Context} (the model's context), got {length} + {tokens}.");
        var unknown = model.UnknownCharacters(prompt);
        if (unknown.Count > 0)
            throw new BadRequestException($"Expected characters the model knows, got {string.Join(", ", unknown.Select(c => $"'{c}'"))} in \"prompt\".");
        double temperature = 0;
        if (body.TryGetProperty("temperature", out var t))
        {
            if (t.ValueKind != JsonValueKind.Number || !t.TryGetDouble(out temperature) || !(temperature >= 0 && temperature <= MaxTemperature))
                throw new BadRequestException($"Expected \"temperature\" to be a number from 0 to {MaxTemperature}, got {Show(t)}.");
        }
        return new GenerationRequest(prompt, tokens, temperature);
    }

    static JsonElement Member(JsonElement body, string name, JsonValueKind kind, string expected)
    {
        if (body.ValueKind != JsonValueKind.Object)
            throw new BadRequestException($"Expected a JSON object with \"{name}\", got {Describe(body.ValueKind)}.");
        if (!body.TryGetProperty(name, out var value))
            throw new BadRequestException($"Expected \"{name}\": {expected}; the request has no \"{name}\".");
        if (value.ValueKind != kind) throw new BadRequestException($"Expected \"{name}\" to be {expected}, got {Show(value)}.");
        return value;
    }

    static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    static string Show(JsonElement value)
    {
        string text = value.GetRawText();
        return text.Length <= 40 ? text : text[..40] + "…";
    }
}

/// <summary>A request the service refuses with HTTP 400; the message says what was expected and what came.</summary>
public sealed class BadRequestException(string message) : Exception(message);
