using System.Globalization;
using Book.Display;
using Microsoft.CodeAnalysis.Scripting;

namespace Book.Engine.Polyglot;

/// <summary>
/// The magic commands (<c>#!…</c>) of Polyglot Notebooks that C# notebooks use, as the book's engine treats them:
/// <c>#!csharp</c> (and <c>#!c#</c>) marks C#, which every cell is; <c>#!time</c> prints the cell's wall time
/// after it; <c>#!who</c> and <c>#!whos</c> list the notebook's variables; <c>#!about</c> and <c>#!lsmagic</c>
/// are informational and say what runs here instead. A cell in another language (<c>#!fsharp</c>, <c>#!pwsh</c>,
/// <c>#!javascript</c>, <c>#!markdown</c>…) fails with an error saying the book runs C# only; any other magic
/// command fails naming the ones supported.
/// </summary>
public static class MagicCommands
{
    /// <summary>The names that mark a C# cell.</summary>
    public static readonly IReadOnlySet<string> CSharp = new HashSet<string>(StringComparer.Ordinal) { "csharp", "c#", "C#" };

    /// <summary>Polyglot's other cell languages (kernel names and aliases), with the language's name.</summary>
    public static readonly IReadOnlyDictionary<string, string> OtherLanguages = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["fsharp"] = "F#", ["f#"] = "F#", ["F#"] = "F#", ["pwsh"] = "PowerShell", ["powershell"] = "PowerShell",
        ["javascript"] = "JavaScript", ["js"] = "JavaScript", ["html"] = "HTML", ["markdown"] = "Markdown", ["md"] = "Markdown",
        ["sql"] = "SQL", ["kql"] = "KQL", ["mermaid"] = "Mermaid", ["http"] = "HTTP", ["value"] = "a value (the value kernel)",
        ["python"] = "Python", ["r"] = "R",
    };

    /// <summary>The magic commands the engine carries out, for <c>#!lsmagic</c> and error messages.</summary>
    public const string Supported = "#!csharp, #!time, #!who, #!whos, #!about, #!lsmagic";

    /// <summary>Throws when a line of the cell marks another language than C#.</summary>
    public static void RequireCSharp(ParsedCell cell)
    {
        foreach (var magic in cell.Directives.OfType<MagicCommand>())
            if (OtherLanguages.TryGetValue(magic.Name, out string? language))
                throw new CellDirectiveException(magic.Line,
                    $"this cell is in {language} (#!{magic.Name}): the book's engine runs C# only, so it cannot run it. "
                    + "Rewrite the cell in C#, or run the notebook in a tool for that language.", "UnsupportedLanguage");
    }

    /// <summary>Carries out <paramref name="magic"/> before the cell's C#; true when it asks for the cell's wall time (<c>#!time</c>).</summary>
    /// <param name="variables">The notebook's variables so far, for <c>#!who</c> and <c>#!whos</c>.</param>
    public static bool Run(MagicCommand magic, IReadOnlyList<ScriptVariable> variables)
    {
        switch (magic.Name)
        {
            case var name when CSharp.Contains(name):
                return false;
            case "time":
                return true;
            case "who":
                DisplayFunctions.display(Latest(variables).Count == 0 ? "No variables yet." : "Variables: " + string.Join(", ", Latest(variables).Select(v => v.Name)));
                return false;
            case "whos":
                DisplayFunctions.display(new Table(["Variable", "Type", "Value"],
                    Latest(variables).Select(v => (IReadOnlyList<string>)[v.Name, v.Type.Name, Shorten(BookFormatters.Format(v.Value))]).ToList()));
                return false;
            case "about":
                DisplayFunctions.display($"#!about shows .NET Interactive's version in Polyglot Notebooks. This notebook runs in the C# engine of "
                    + $"\"From Loss to Profit\" instead: Roslyn C# scripting on .NET {Environment.Version} with TorchSharp, Plotly.NET and "
                    + ".NET Interactive's formatter (README: Polyglot notebooks).");
                return false;
            case "lsmagic":
                DisplayFunctions.display($"Magic commands the book's engine carries out: {Supported}. Directives: #r \"nuget: Name, Version\", "
                    + "#i \"nuget: SOURCE\", #r \"path/to/library.dll\". Cells in other languages are not run (the book runs C# only).");
                return false;
            default:
                throw new CellDirectiveException(magic.Line,
                    $"#!{magic.Name} is a Polyglot Notebooks magic command that the book's engine does not carry out; it supports {Supported} "
                    + "(README: Polyglot notebooks).", "UnsupportedMagicCommand");
        }
    }

    /// <summary>Polyglot's line after a <c>#!time</c> cell, e.g. "Wall time: 12.3456ms".</summary>
    public static string WallTime(TimeSpan elapsed) =>
        string.Create(CultureInfo.InvariantCulture, $"Wall time: {elapsed.TotalMilliseconds:0.####}ms");

    /// <summary>Each variable once, as its latest declaration (a cell may declare a name again).</summary>
    static List<ScriptVariable> Latest(IReadOnlyList<ScriptVariable> variables) =>
        variables.GroupBy(v => v.Name).Select(g => g.Last()).ToList();

    static string Shorten(string text)
    {
        string line = text.ReplaceLineEndings(" ");
        return line.Length <= 60 ? line : line[..59] + "…";
    }
}
