using System.Globalization;
using System.Text.RegularExpressions;

namespace Book.Bench;

/// <summary>One test project's line in <c>dotnet test</c>'s output: "Passed!  - Failed: 0, Passed: 89, … Duration: 2 m 44 s - Tool.Tests.dll".</summary>
sealed partial record SuiteSummary(string Name, int Passed, int Failed, string Duration)
{
    /// <summary>Every project summary in <paramref name="output"/>, in the order the projects finished.</summary>
    public static IReadOnlyList<SuiteSummary> Parse(string output) =>
        SummaryLine().Matches(output).Select(m => new SuiteSummary(m.Groups["name"].Value,
            int.Parse(m.Groups["passed"].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups["failed"].Value, CultureInfo.InvariantCulture),
            m.Groups["duration"].Value.Trim())).ToList();

    [GeneratedRegex(@"(?:Passed|Failed)!\s+-\s+Failed:\s+(?<failed>\d+),\s+Passed:\s+(?<passed>\d+),.*?Duration:\s+(?<duration>[^-]+?)\s+-\s+(?<name>[\w.]+)\.dll")]
    private static partial Regex SummaryLine();
}
