using System.Text;
using System.Text.RegularExpressions;

namespace Book.Engine.Polyglot;

/// <summary>A line of a cell that is not C#: a directive or magic command of Polyglot Notebooks (.NET Interactive).</summary>
/// <param name="Line">The 1-based line of the cell it is on.</param>
public abstract record CellDirective(int Line);

/// <summary><c>#r "nuget: Name"</c> or <c>#r "nuget: Name, Version"</c> (a version or NuGet version range).</summary>
public sealed record PackageDirective(int Line, string Name, string? Version) : CellDirective(Line);

/// <summary><c>#i "nuget: SOURCE"</c>: one more NuGet source (a feed URL or a folder) for the packages of later cells.</summary>
public sealed record SourceDirective(int Line, string Source) : CellDirective(Line);

/// <summary><c>#r "path/to/library.dll"</c> (or a framework assembly's name, <c>#r "System.Net.Http"</c>).</summary>
public sealed record AssemblyDirective(int Line, string Reference) : CellDirective(Line);

/// <summary>A <c>#r</c> or <c>#i</c> line that does not say what it should; <paramref name="Problem"/> says what was expected.</summary>
public sealed record MalformedDirective(int Line, string Problem) : CellDirective(Line);

/// <summary><c>#!name arguments</c>: a cell-language marker (<c>#!csharp</c>, <c>#!fsharp</c>) or a magic command (<c>#!time</c>).</summary>
public sealed record MagicCommand(int Line, string Name, string Arguments) : CellDirective(Line);

/// <summary>
/// A cell split into its Polyglot directives and its C#. The directive lines are blanked with spaces,
/// not removed, so the C# keeps every line, column and offset of the cell as written: compiler errors,
/// stack traces, completion and inspection all point where the learner looks.
/// </summary>
/// <param name="Code">The cell's C#, directive lines blanked.</param>
/// <param name="Directives">The directives, in the order of their lines.</param>
public sealed partial record ParsedCell(string Code, IReadOnlyList<CellDirective> Directives)
{
    /// <summary>Splits <paramref name="cell"/> (a malformed directive is kept as a <see cref="MalformedDirective"/>).</summary>
    public static ParsedCell Parse(string cell)
    {
        var code = new StringBuilder(cell.Length);
        var directives = new List<CellDirective>();
        int line = 0;
        foreach (Match match in LineWithEnding().Matches(cell))
        {
            line++;
            string text = match.Groups["text"].Value;
            if (Directive(text, line) is { } directive)
            {
                directives.Add(directive);
                code.Append(' ', text.Length);
            }
            else code.Append(text);
            code.Append(match.Groups["end"].Value);
        }
        return new ParsedCell(code.ToString(), directives);
    }

    static CellDirective? Directive(string text, int line)
    {
        if (Magic().Match(text) is { Success: true } magic)
            return new MagicCommand(line, magic.Groups["name"].Value, magic.Groups["arguments"].Value.Trim());
        if (Quoted().Match(text) is not { Success: true } quoted) return null;
        string kind = quoted.Groups["kind"].Value, value = quoted.Groups["value"].Value.Trim();
        bool nuget = value.StartsWith("nuget:", StringComparison.OrdinalIgnoreCase);
        string target = nuget ? value["nuget:".Length..].Trim() : value;
        if (kind == "i")
            return nuget && target.Length > 0 ? new SourceDirective(line, target)
                : new MalformedDirective(line, $"expected #i \"nuget: SOURCE\" (a NuGet feed URL or folder), found {text.Trim()}");
        if (!nuget)
            return target.Length > 0 ? new AssemblyDirective(line, target)
                : new MalformedDirective(line, "expected #r \"path/to/library.dll\", found an empty path");
        string[] parts = target.Split(',', 2, StringSplitOptions.TrimEntries);
        if (parts[0].Length == 0 || parts[0].Any(char.IsWhiteSpace))
            return new MalformedDirective(line, $"expected #r \"nuget: PackageName\" or #r \"nuget: PackageName, Version\", found {text.Trim()}");
        return new PackageDirective(line, parts[0], parts.Length > 1 && parts[1].Length > 0 ? parts[1] : null);
    }

    /// <summary>A line and its line ending (none at the end of the cell).</summary>
    [GeneratedRegex(@"(?<text>[^\r\n]*)(?<end>\r\n|\n|\r|$)")]
    private static partial Regex LineWithEnding();

    [GeneratedRegex(@"^\s*#!(?<name>[^\s]+)(?<arguments>.*)$")]
    private static partial Regex Magic();

    /// <summary><c>#r "…"</c> or <c>#i "…"</c>, optionally followed by a comment.</summary>
    [GeneratedRegex(@"^\s*#(?<kind>[ri])\s+""(?<value>[^""]*)""\s*(//.*)?$")]
    private static partial Regex Quoted();
}

/// <summary>A directive or magic command of a cell that cannot be carried out; the message says what was expected.</summary>
/// <param name="line">The 1-based line of the cell.</param>
/// <param name="kind">The error's name as notebooks show it, e.g. "PackageRestoreError".</param>
public sealed class CellDirectiveException(int line, string message, string kind = "DirectiveError") : Exception(message)
{
    /// <summary>The 1-based line of the directive in its cell.</summary>
    public int Line { get; } = line;

    /// <summary>The error's name as notebooks show it.</summary>
    public string Kind { get; } = kind;
}
