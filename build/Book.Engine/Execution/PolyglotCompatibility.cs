using System.Text.RegularExpressions;

namespace Book.Engine.Execution;

/// <summary>
/// Lets cells written for Polyglot Notebooks / .NET Interactive run unchanged. Their cell-language
/// magic (<c>#!csharp</c>) and the usings of Polyglot's display API
/// (<c>using Microsoft.DotNet.Interactive.Formatting;</c>, <c>using static Microsoft.DotNet.Interactive.Kernel;</c>)
/// are blanked: the engine already provides <c>display</c>, <c>Formatter.Register</c> and
/// <c>ToDisplayString</c> under the same names. Lines are blanked, not removed, so error line numbers
/// still match the cell. <c>#r "nuget: …"</c> cannot work offline and is reported clearly.
/// </summary>
public static partial class PolyglotCompatibility
{
    /// <summary>The cell's code with Polyglot-only lines blanked.</summary>
    public static string Adapt(string code)
    {
        var nuget = NugetReference().Match(code);
        if (nuget.Success)
            throw new NotSupportedException(
                $"'{nuget.Value.Trim()}': the book's engine does not download packages; TorchSharp, Plotly.NET, Microsoft.Data.Analysis and the book's library are already referenced.");
        return PolyglotOnlyLine().Replace(code, "");
    }

    [GeneratedRegex(@"^[ \t]*(#!(csharp|c#|C#)[ \t]*|using[ \t]+(static[ \t]+)?Microsoft\.DotNet\.Interactive(\.Formatting)?(\.Kernel)?[ \t]*;[ \t]*)$", RegexOptions.Multiline)]
    private static partial Regex PolyglotOnlyLine();

    [GeneratedRegex(@"^[ \t]*#r[ \t]+""nuget:[^""]*""", RegexOptions.Multiline)]
    private static partial Regex NugetReference();
}
