using System.Text.RegularExpressions;

namespace Book.Engine.Snapshots;

/// <summary>
/// Removes from output text what legitimately differs between runs: timings, GUIDs and hex ids
/// (display and chart ids), absolute paths and memory addresses. What remains must match.
/// </summary>
public static partial class OutputScrubber
{
    /// <summary>The text with volatile parts replaced by placeholders such as <c>&lt;time&gt;</c>.</summary>
    public static string Scrub(string text)
    {
        text = Guid().Replace(text, "<id>");
        text = HexId().Replace(text, "<id>");
        text = Duration().Replace(text, "<time>");
        text = ClockTime().Replace(text, "<time>");
        text = UnixPath().Replace(text, "<path>");
        text = WindowsPath().Replace(text, "<path>");
        return text;
    }

    [GeneratedRegex(@"\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b")]
    private static partial Regex Guid();

    [GeneratedRegex(@"\b(0x[0-9a-fA-F]{6,}|[0-9a-f]{32})\b")]
    private static partial Regex HexId();

    /// <summary>"12.5 s", "340ms", "1.2 min", "3 µs", "2.0 sec", "4 seconds", "1.5 it/s", "0.3 s/epoch".</summary>
    [GeneratedRegex(@"\b\d+(\.\d+)?\s?(ms|µs|us|ns|s|sec|secs|seconds|min|minutes|h|it/s|s/it|s/epoch|samples/s|tokens/s)(?![\w/])")]
    private static partial Regex Duration();

    /// <summary>TimeSpan and clock formats: 00:01:02, 00:00:01.2345678, 12:30.</summary>
    [GeneratedRegex(@"\b\d{1,2}:\d{2}(:\d{2})?(\.\d+)?\b")]
    private static partial Regex ClockTime();

    [GeneratedRegex(@"(?<![\w.])(/(tmp|home|root|work|usr|var|opt|Users|mnt)(/[\w.+\-@]+)+/?)")]
    private static partial Regex UnixPath();

    [GeneratedRegex(@"\b[A-Za-z]:\\[^\s""'<>]+")]
    private static partial Regex WindowsPath();
}
