namespace Book.Site.Rendering;

/// <summary>
/// The code of a cell as readers see it: everything between <c>// BEGIN HIDDEN TESTS</c> and
/// <c>// END HIDDEN TESTS</c> is removed (those checks are for grading only), and the
/// <c>// BEGIN SOLUTION</c> / <c>// END SOLUTION</c> marker lines are dropped, keeping the code between them.
/// </summary>
public static class ExerciseSource
{
    /// <summary>Marks the start of grading-only checks.</summary>
    public const string BeginHiddenTests = "// BEGIN HIDDEN TESTS";

    /// <summary>Marks the end of grading-only checks.</summary>
    public const string EndHiddenTests = "// END HIDDEN TESTS";

    /// <summary>Marks the start of a solution.</summary>
    public const string BeginSolution = "// BEGIN SOLUTION";

    /// <summary>Marks the end of a solution.</summary>
    public const string EndSolution = "// END SOLUTION";

    /// <summary>The code a reader may see; <paramref name="where"/> names the cell in errors about unbalanced markers.</summary>
    public static string Visible(string source, string where)
    {
        var kept = new List<string>();
        bool hidden = false;
        foreach (string line in source.Split('\n'))
        {
            string marker = line.Trim();
            if (marker == BeginHiddenTests)
            {
                if (hidden) throw new SiteBuildException($"{where}: expected '{EndHiddenTests}' before another '{BeginHiddenTests}'.");
                hidden = true;
            }
            else if (marker == EndHiddenTests)
            {
                if (!hidden) throw new SiteBuildException($"{where}: found '{EndHiddenTests}' without a '{BeginHiddenTests}' before it.");
                hidden = false;
            }
            else if (!hidden && marker is not (BeginSolution or EndSolution))
            {
                kept.Add(line);
            }
        }
        if (hidden) throw new SiteBuildException($"{where}: expected '{EndHiddenTests}' after '{BeginHiddenTests}'; the cell ended first.");
        return string.Join('\n', kept).Trim('\n');
    }
}
