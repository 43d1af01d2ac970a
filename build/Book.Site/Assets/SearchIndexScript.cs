using System.Text.Json.Nodes;

namespace Book.Site.Assets;

/// <summary>
/// Material's search fetches search/search_index.json, which a browser refuses from file://. Material reads
/// a global <c>__search.index</c> first when there is one, so the built index is also written as
/// search/search_index.js, which sets it; the theme override (site/overrides/main.html) loads that script,
/// and the iframe-worker shim, before Material's bundle.
/// <para>
/// The index's languages become English and Japanese: lunr has no Chinese segmenter that runs in a browser,
/// and without one the glossary's Chinese terms cannot be found; the Japanese one (TinySegmenter, shipped with
/// Material) splits hanzi well enough. Debian's mkdocs lacks lunr's language files, so its search plugin
/// cannot be told this itself.
/// </para>
/// </summary>
public static class SearchIndexScript
{
    /// <summary>The languages the index is searched in.</summary>
    public static readonly IReadOnlyList<string> Languages = ["en", "ja"];

    /// <summary>Writes search_index.js beside the search_index.json that mkdocs built under <paramref name="output"/>.</summary>
    public static void Write(string output)
    {
        string json = Path.Combine(output, "search", "search_index.json");
        if (!File.Exists(json))
            throw new SiteBuildException($"Expected mkdocs to write {json} (the search plugin, enabled in mkdocs.yml); it did not.");
        var index = JsonNode.Parse(File.ReadAllText(json))!;
        index["config"]!["lang"] = new JsonArray(Languages.Select(language => (JsonNode?)language).ToArray());
        File.WriteAllText(Path.ChangeExtension(json, ".js"), $"window.__search = {{ index: Promise.resolve({index.ToJsonString()}) }};\n");
    }
}
