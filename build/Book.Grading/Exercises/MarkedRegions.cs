using System.Text.RegularExpressions;

namespace Book.Grading.Exercises;

/// <summary>
/// The marker comments of nbgrader's shape inside a cell: <c>// BEGIN SOLUTION</c> … <c>// END SOLUTION</c>
/// around an answer, <c>// BEGIN HIDDEN TESTS</c> … <c>// END HIDDEN TESTS</c> around checks a learner does
/// not see. Markers are whole lines (indentation allowed); regions do not nest and must be closed.
/// </summary>
public static partial class MarkedRegions
{
    /// <summary>What a region holds.</summary>
    public enum Kind
    {
        /// <summary>An answer: <c>// BEGIN SOLUTION</c> … <c>// END SOLUTION</c>.</summary>
        Solution,
        /// <summary>Checks learners do not see: <c>// BEGIN HIDDEN TESTS</c> … <c>// END HIDDEN TESTS</c>.</summary>
        HiddenTests,
    }

    /// <summary>One region: the 0-based lines of its BEGIN and END markers and the BEGIN line's indentation.</summary>
    public sealed record Region(Kind Kind, int Begin, int End, string Indent);

    [GeneratedRegex(@"^(?<indent>\s*)//\s*(?<edge>BEGIN|END)\s+(?<what>SOLUTION|HIDDEN\s+TESTS)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Marker();

    /// <summary>The regions of <paramref name="lines"/>, in order.</summary>
    /// <exception cref="InvalidDataException">A marker without its partner, or one region inside another (the message names the line).</exception>
    public static IReadOnlyList<Region> Find(IReadOnlyList<string> lines)
    {
        var regions = new List<Region>();
        (Kind Kind, int Line, string Indent)? open = null;
        for (int i = 0; i < lines.Count; i++)
        {
            var match = Marker().Match(lines[i]);
            if (!match.Success) continue;
            var kind = match.Groups["what"].Value.StartsWith("S", StringComparison.OrdinalIgnoreCase) ? Kind.Solution : Kind.HiddenTests;
            bool begin = match.Groups["edge"].Value.Equals("BEGIN", StringComparison.OrdinalIgnoreCase);
            if (begin && open is not null)
                throw new InvalidDataException($"line {i + 1} opens a {Name(kind)} region inside the {Name(open.Value.Kind)} region of line {open.Value.Line + 1}");
            if (!begin && (open is null || open.Value.Kind != kind))
                throw new InvalidDataException($"line {i + 1} closes a {Name(kind)} region that was not opened");
            if (begin) open = (kind, i, match.Groups["indent"].Value);
            else
            {
                regions.Add(new Region(kind, open!.Value.Line, i, open.Value.Indent));
                open = null;
            }
        }
        if (open is not null) throw new InvalidDataException($"the {Name(open.Value.Kind)} region of line {open.Value.Line + 1} is never closed");
        return regions;
    }

    /// <summary>The cell with every region of <paramref name="kind"/> replaced by the lines <paramref name="replace"/> returns.</summary>
    public static string Replace(string source, Kind kind, Func<Region, IReadOnlyList<string>, IEnumerable<string>> replace)
    {
        var lines = Lines(source);
        var result = new List<string>();
        int next = 0;
        foreach (var region in Find(lines).Where(r => r.Kind == kind))
        {
            result.AddRange(lines.Skip(next).Take(region.Begin - next));
            result.AddRange(replace(region, lines));
            next = region.End + 1;
        }
        result.AddRange(lines.Skip(next));
        return string.Join("\n", result);
    }

    /// <summary>The hidden tests kept, their marker lines dropped: the check cell as <c>book grade</c> runs it.</summary>
    public static string RevealHiddenTests(string source) =>
        Replace(source, Kind.HiddenTests, (region, lines) => lines.Skip(region.Begin + 1).Take(region.End - region.Begin - 1));

    /// <summary>True when the cell has a region of <paramref name="kind"/>.</summary>
    public static bool Has(string source, Kind kind) => Find(Lines(source)).Any(r => r.Kind == kind);

    /// <summary>A cell's lines without their line ends.</summary>
    public static IReadOnlyList<string> Lines(string source) => source.Replace("\r\n", "\n").Split('\n');

    static string Name(Kind kind) => kind == Kind.Solution ? "SOLUTION" : "HIDDEN TESTS";
}
