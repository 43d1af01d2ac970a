using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Book.Engine.Notebooks;

namespace Book.Engine.Snapshots;

/// <summary>
/// Compares the outputs a chapter produces now with those committed in its notebook. Text is
/// scrubbed (<see cref="OutputScrubber"/>), then split into words and numbers: words must be equal,
/// numbers equal within the cell's <see cref="Tolerance"/> (or neither compared, for sampled text). Plotly JSON is compared the same way
/// value by value; images by their pixel size. The first difference is reported with the cell
/// number, the output, the line and both values.
/// </summary>
public static partial class SnapshotComparer
{
    /// <summary>The first difference between the committed and the fresh notebook, or null.</summary>
    public static SnapshotDifference? FirstDifference(Notebook committed, Notebook fresh)
    {
        if (committed.Cells.Count != fresh.Cells.Count)
            return new(0, 0, "cells", $"{committed.Cells.Count} cells", $"{fresh.Cells.Count} cells", "the number of cells changed");
        foreach (var (before, after) in committed.Cells.Zip(fresh.Cells).Where(pair => pair.First.IsCode))
        {
            var tolerance = Tolerance.For(before.Metadata);
            var expected = before.Outputs;
            var actual = after.Outputs;
            for (int i = 0; i < Math.Max(expected.Count, actual.Count); i++)
            {
                if (i >= expected.Count || i >= actual.Count)
                    return new(before.Number, i + 1, "outputs", $"{expected.Count} outputs", $"{actual.Count} outputs",
                        i >= expected.Count ? $"an extra output appeared: {Preview(actual[i])}" : $"an output is missing: {Preview(expected[i])}");
                var difference = CompareOutput(expected[i]!.AsObject(), actual[i]!.AsObject(), tolerance);
                if (difference is not null) return difference with { CellNumber = before.Number, OutputNumber = i + 1 };
            }
        }
        return null;
    }

    static SnapshotDifference? CompareOutput(JsonObject expected, JsonObject actual, Tolerance tolerance)
    {
        string type = (string?)expected["output_type"] ?? "";
        if (type != (string?)actual["output_type"])
            return Differ("output_type", type, (string?)actual["output_type"] ?? "", "the kind of output changed");
        switch (type)
        {
            case "stream":
                if ((string?)expected["name"] != (string?)actual["name"])
                    return Differ("stream", (string?)expected["name"] ?? "", (string?)actual["name"] ?? "", "the stream changed");
                return CompareText("stream", NotebookCell.JoinText(expected["text"]), NotebookCell.JoinText(actual["text"]), tolerance);
            case "error":
                return CompareText("error", (string?)expected["evalue"] ?? "", (string?)actual["evalue"] ?? "", tolerance);
            default:
                var before = expected["data"]?.AsObject() ?? new JsonObject();
                var after = actual["data"]?.AsObject() ?? new JsonObject();
                string beforeKeys = string.Join(", ", before.Select(kv => kv.Key).Order());
                string afterKeys = string.Join(", ", after.Select(kv => kv.Key).Order());
                if (beforeKeys != afterKeys) return Differ("mime types", beforeKeys, afterKeys, "the output's representations changed");
                foreach (var (mime, value) in before)
                {
                    var difference = mime.EndsWith("json", StringComparison.Ordinal) ? CompareJson(mime, "$", value, after[mime], tolerance)
                        : mime.StartsWith("image/", StringComparison.Ordinal) ? CompareImage(mime, (string?)value, (string?)after[mime])
                        : CompareText(mime, NotebookCell.JoinText(value), NotebookCell.JoinText(after[mime]), tolerance);
                    if (difference is not null) return difference;
                }
                return null;
        }
    }

    /// <summary>Compares two texts line by line: words exactly, numbers within tolerance.</summary>
    public static SnapshotDifference? CompareText(string what, string expected, string actual, Tolerance tolerance)
    {
        if (tolerance.IgnoreText) return null;
        var expectedLines = OutputScrubber.Scrub(expected).Split('\n');
        var actualLines = OutputScrubber.Scrub(actual).Split('\n');
        for (int i = 0; i < Math.Max(expectedLines.Length, actualLines.Length); i++)
        {
            string e = i < expectedLines.Length ? expectedLines[i] : "(no line)";
            string a = i < actualLines.Length ? actualLines[i] : "(no line)";
            string? reason = CompareLine(e, a, tolerance);
            if (reason is not null) return Differ($"{what}, line {i + 1}", e, a, reason);
        }
        return null;
    }

    static string? CompareLine(string expected, string actual, Tolerance tolerance)
    {
        var expectedParts = Number().Split(expected);
        var actualParts = Number().Split(actual);
        var expectedNumbers = Number().Matches(expected);
        var actualNumbers = Number().Matches(actual);
        if (!expectedParts.SequenceEqual(actualParts)) return "the text differs"; // equal parts imply equal number counts
        for (int i = 0; i < expectedNumbers.Count; i++)
        {
            double e = double.Parse(expectedNumbers[i].Value, CultureInfo.InvariantCulture);
            double a = double.Parse(actualNumbers[i].Value, CultureInfo.InvariantCulture);
            if (!tolerance.Accepts(e, a, Tolerance.LastDigit(expectedNumbers[i].Value)))
                return $"number {i + 1} on the line is {actualNumbers[i].Value}, expected {expectedNumbers[i].Value} (tolerance {tolerance})";
        }
        return null;
    }

    static SnapshotDifference? CompareJson(string mime, string path, JsonNode? expected, JsonNode? actual, Tolerance tolerance)
    {
        switch (expected)
        {
            case JsonObject e when actual is JsonObject a:
                foreach (var key in e.Select(kv => kv.Key).Union(a.Select(kv => kv.Key)))
                {
                    if (!e.ContainsKey(key) || !a.ContainsKey(key))
                        return Differ($"{mime} {path}.{key}", e.ContainsKey(key) ? "present" : "absent", a.ContainsKey(key) ? "present" : "absent", "a key changed");
                    var difference = CompareJson(mime, $"{path}.{key}", e[key], a[key], tolerance);
                    if (difference is not null) return difference;
                }
                return null;
            case JsonArray e when actual is JsonArray a:
                if (e.Count != a.Count) return Differ($"{mime} {path}", $"{e.Count} items", $"{a.Count} items", "an array's length changed");
                for (int i = 0; i < e.Count; i++)
                {
                    var difference = CompareJson(mime, $"{path}[{i}]", e[i], a[i], tolerance);
                    if (difference is not null) return difference;
                }
                return null;
            case JsonValue e when actual is JsonValue a && e.TryGetValue(out double x) && a.TryGetValue(out double y):
                return tolerance.Accepts(x, y) ? null : Differ($"{mime} {path}", Show(x), Show(y), $"numbers differ beyond tolerance ({tolerance})");
            case JsonValue e when actual is JsonValue a && e.TryGetValue(out string? s) && a.TryGetValue(out string? t):
                return CompareText($"{mime} {path}", s, t, tolerance);
            default:
                string before = expected?.ToJsonString() ?? "null", after = actual?.ToJsonString() ?? "null";
                return before == after ? null : Differ($"{mime} {path}", before, after, "values differ");
        }
    }

    static SnapshotDifference? CompareImage(string mime, string? expected, string? actual)
    {
        string before = ImageSize(expected), after = ImageSize(actual);
        return before == after ? null : Differ(mime, before, after, "the image size changed");
    }

    /// <summary>"W×H" of a base64 PNG (from its IHDR chunk), or its length for other images.</summary>
    static string ImageSize(string? base64)
    {
        if (string.IsNullOrEmpty(base64)) return "none";
        byte[] bytes = Convert.FromBase64String(base64.Replace("\n", ""));
        if (bytes.Length < 24 || bytes[1] != 'P' || bytes[2] != 'N' || bytes[3] != 'G') return $"{bytes.Length} bytes";
        int width = (bytes[16] << 24) | (bytes[17] << 16) | (bytes[18] << 8) | bytes[19];
        int height = (bytes[20] << 24) | (bytes[21] << 16) | (bytes[22] << 8) | bytes[23];
        return $"{width}×{height}";
    }

    static string Show(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    static string Preview(JsonNode? output) => output?.ToJsonString() is { } s && s.Length > 120 ? s[..120] + "…" : output?.ToJsonString() ?? "null";

    static SnapshotDifference Differ(string where, string expected, string actual, string reason) => new(0, 0, where, expected, actual, reason);

    [GeneratedRegex(@"[-+]?(?:\d+\.\d*|\.\d+|\d+)(?:[eE][-+]?\d+)?|NaN|[-+]?Infinity")]
    private static partial Regex Number();
}

/// <summary>Where a chapter's fresh outputs differ from its committed ones.</summary>
public sealed record SnapshotDifference(int CellNumber, int OutputNumber, string Where, string Expected, string Actual, string Reason)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"cell {CellNumber}, output {OutputNumber}, {Where}: {Reason}\n  expected: {Expected}\n  actual:   {Actual}";
}
