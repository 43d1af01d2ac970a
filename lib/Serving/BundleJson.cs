using System.Text.Json;

namespace Book.Serving;

/// <summary>The JSON side of a saved model bundle (<c>bundle.json</c>): camelCase, indented, read with errors that name the file.</summary>
static class BundleJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>Reads <paramref name="path"/> as <typeparamref name="T"/>.</summary>
    public static T Read<T>(string path) where T : class
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"Expected a model bundle file at '{Path.GetFullPath(path)}', found none.", path);
        try
        {
            return JsonSerializer.Deserialize<T>(File.ReadAllText(path), Options)
                ?? throw new InvalidDataException($"{path}: expected a JSON object, got null.");
        }
        catch (JsonException error)
        {
            throw new InvalidDataException($"{path}: not a model bundle the book can read ({error.Message}).", error);
        }
    }
}
