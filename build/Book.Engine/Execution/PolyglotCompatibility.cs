using System.Text.RegularExpressions;
using Book.Engine.Polyglot;

namespace Book.Engine.Execution;

/// <summary>
/// The C# of a cell written for Polyglot Notebooks / .NET Interactive, as the engine compiles it: its directives
/// and magic commands (<c>#r</c>, <c>#i</c>, <c>#!…</c>, carried out by <see cref="PolyglotSession"/>) and the
/// usings of .NET Interactive's kernel API (<c>using Microsoft.DotNet.Interactive;</c>,
/// <c>using static Microsoft.DotNet.Interactive.Kernel;</c>), whose <c>display</c> and <c>HTML</c> the engine
/// provides under the same names, are blanked with spaces. Every line, column and offset stays where the
/// cell has it, so errors, completion and inspection need no mapping. <c>using Microsoft.DotNet.Interactive.Formatting;</c>
/// stays: the book's formatter is that package.
/// </summary>
public static partial class PolyglotCompatibility
{
    /// <summary>The cell's code with Polyglot-only lines blanked.</summary>
    public static string Adapt(string code) =>
        KernelUsing().Replace(ParsedCell.Parse(code).Code, match => new string(' ', match.Length));

    [GeneratedRegex(@"^[ \t]*using[ \t]+(static[ \t]+Microsoft\.DotNet\.Interactive\.Kernel|Microsoft\.DotNet\.Interactive)[ \t]*;[ \t]*$", RegexOptions.Multiline)]
    private static partial Regex KernelUsing();
}
