using System.Text.Json;
using System.Text.Json.Nodes;

namespace Book.Runtime;

/// <summary>
/// How one chapter hands measured numbers to a later one without a file outside the book. The earlier chapter
/// displays them as JSON (mime type <c>application/json</c>) in a cell whose metadata says
/// <c>"book": { "publishes": "name" }</c>; saving the notebook — <c>book run</c>, <c>book build</c>, or saving in
/// an editor — keeps that output in the <c>.ipynb</c>, and <see cref="Read"/> finds it there. <c>book build</c> runs
/// and saves chapters in order, so a later chapter reads the earlier one's fresh numbers; a test reads the
/// committed ones. Chapter 13 reads what chapter 12 measured this way.
/// </summary>
public static class ChapterPublication
{
    /// <summary>The mime type of a published value.</summary>
    public const string MimeType = "application/json";

    /// <summary>
    /// The JSON that the cell tagged <c>"publishes": <paramref name="name"/></c> of <paramref name="notebook"/> last
    /// displayed. <paramref name="notebook"/> is a path, or a file name looked for in the current folder and in a
    /// <c>chapters/</c> folder at or above it.
    /// </summary>
    public static JsonNode Read(string notebook, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(notebook);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        string path = Find(notebook, Directory.GetCurrentDirectory());
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(File.ReadAllText(path));
        }
        catch (JsonException error)
        {
            throw new InvalidDataException($"{path} is not a notebook (not valid JSON: {error.Message}).", error);
        }
        var cell = (root?["cells"] as JsonArray)?.OfType<JsonObject>()
            .FirstOrDefault(c => (string?)c["metadata"]?["book"]?["publishes"] == name)
            ?? throw new InvalidDataException($"{path} has no cell whose metadata publishes \"{name}\"; expected one with \"book\": {{\"publishes\": \"{name}\"}}.");
        var value = (cell["outputs"] as JsonArray)?.OfType<JsonObject>().Select(o => o["data"]?[MimeType]).LastOrDefault(v => v is not null)
            ?? throw new InvalidDataException(
                $"{path}: the cell that publishes \"{name}\" has no {MimeType} output; run the chapter (book run {Path.GetFileName(path)}) and save it first.");
        return value.DeepClone();
    }

    /// <summary>The notebook's path: as given when it exists, otherwise the nearest <c>chapters/</c> folder at or above <paramref name="start"/> holding it.</summary>
    public static string Find(string notebook, string start)
    {
        if (File.Exists(notebook)) return Path.GetFullPath(notebook);
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            string here = Path.Combine(dir.FullName, notebook);
            if (File.Exists(here)) return here;
            string candidate = Path.Combine(dir.FullName, "chapters", notebook);
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException($"No {notebook} in {start}, or in a chapters/ folder at or above it; run from inside the book's repository.", notebook);
    }
}
