using Book.Engine.Notebooks;

namespace Book.Engine.Polyglot;

/// <summary>
/// The language a notebook cell is in, as Polyglot Notebooks recorded it in the cell's metadata
/// (<c>polyglot_notebook.kernelName</c>, or the older <c>dotnet_interactive.language</c>) — C# when it says none.
/// </summary>
public static class CellLanguage
{
    /// <summary>The kernel name of the cell's language, e.g. "csharp" or "fsharp".</summary>
    public static string Of(NotebookCell cell) =>
        (string?)cell.Metadata["polyglot_notebook"]?["kernelName"] ?? (string?)cell.Metadata["dotnet_interactive"]?["language"] ?? "csharp";

    /// <summary>
    /// The code the engine runs for the cell: its source, preceded by its language's marker (<c>#!fsharp</c>) when
    /// the metadata names another language than C# — the form of .NET Interactive's own submissions — so that the
    /// engine says it runs C# only.
    /// </summary>
    public static string CodeOf(NotebookCell cell) =>
        Of(cell) is var language && MagicCommands.CSharp.Contains(language) ? cell.Source : $"#!{language}\n{cell.Source}";
}
