using System.Text;
using Book.Engine.Execution;
using Book.Engine.Notebooks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Book.Engine.Export;

/// <summary>
/// A chapter as a .NET 10 file-based app (<c>dotnet run chapter.cs</c>): the library referenced with
/// <c>#:project</c>, every <c>using</c> of the cells and the engine's default imports at the top, then each
/// code cell in order under a <c>// ── cell N ──</c> line (Markdown cells as comments), and the types the
/// cells declare at the end, where a program must have them. It prints what the notebook shows:
/// <c>display(...)</c> writes plain text to the console outside the engine.
/// </summary>
public static class ChapterExport
{
    /// <summary>The app's source.</summary>
    /// <param name="libraryProject">The library's .csproj, relative to the folder the app is written to.</param>
    /// <param name="chapterFolder">The notebook's folder, relative to that folder: the app's working directory, as the notebook's.</param>
    public static ExportedChapter ToFileBasedApp(Notebook notebook, string libraryProject, string chapterFolder)
    {
        var codeCells = notebook.CodeCells.ToList();
        var compilations = Execution.Engine.CompileCells(codeCells.Select(cell => cell.Source));
        var renames = TopLevelVariables.Renames(compilations);
        var usings = new List<string>(DefaultUsings(compilations.FirstOrDefault()));
        var body = new StringBuilder();
        var types = new List<(int Cell, MemberDeclarationSyntax Type)>();
        int next = 0;
        foreach (var cell in notebook.Cells)
        {
            if (cell.Type == "markdown")
            {
                body.AppendLine(string.Join("\n", cell.Source.TrimEnd().Split('\n').Select(line => ("// " + line).TrimEnd()))).AppendLine();
                continue;
            }
            if (!cell.IsCode) continue;
            var compilation = compilations[next++];
            var (statements, declared, cellUsings) = CellToProgram.Rewrite(compilation.GetSemanticModel(compilation.SyntaxTrees.Single()), renames);
            usings.AddRange(cellUsings.Select(u => u.ToString().Trim()));
            types.AddRange(declared.Select(type => (cell.Number, type)));
            body.AppendLine($"// ── cell {cell.Number} ──");
            if (statements.Length > 0) body.AppendLine(statements);
            body.AppendLine();
        }

        var app = new StringBuilder();
        app.AppendLine($"#:project {libraryProject.Replace('\\', '/')}");
        foreach (var property in Properties) app.AppendLine($"#:property {property}");
        app.AppendLine();
        app.AppendLine($"// {notebook.Title}: exported from {Path.GetFileName(notebook.Path)} by `book export`. Edit the notebook, not this file.");
        app.AppendLine();
        foreach (var line in usings.Distinct()) app.AppendLine(line);
        app.AppendLine();
        app.AppendLine("// As in the notebook: the chapter's folder is the working directory and numbers print in the invariant culture.");
        app.AppendLine($"System.Environment.CurrentDirectory = System.IO.Path.GetFullPath(System.IO.Path.Combine((string)System.AppContext.GetData(\"EntryPointFileDirectoryPath\")!, \"{chapterFolder.Replace('\\', '/')}\"));");
        app.AppendLine("System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.InvariantCulture;");
        app.AppendLine();
        app.Append(body);
        if (types.Count > 0)
        {
            app.AppendLine("// ── types the cells declare (a program declares them after its statements) ──");
            foreach (var (cell, type) in types) app.AppendLine($"// from cell {cell}").AppendLine(type.ToFullString().Trim()).AppendLine();
        }
        return new ExportedChapter(app.ToString().TrimEnd() + "\n", DuplicateDeclarations(types));
    }

    /// <summary>
    /// Build settings of the app: TorchSharp's natives flat beside it for this machine (hard links where
    /// possible, not 500 MB of copies), JIT rather than native AOT, and the engine's language settings:
    /// only the usings written here, nullable warnings off, warnings not errors.
    /// </summary>
    static readonly string[] Properties =
    [
        "RuntimeIdentifier=$(NETCoreSdkRuntimeIdentifier)", "SelfContained=false", "CreateHardLinksForCopyLocalIfPossible=true",
        "PublishAot=false", "ImplicitUsings=disable", "Nullable=disable", "TreatWarningsAsErrors=false",
    ];

    /// <summary>The engine's default imports as using directives: namespaces, or <c>using static</c> for classes.</summary>
    static IEnumerable<string> DefaultUsings(Compilation? compilation) => Execution.Engine.DefaultImports.Select(import =>
        compilation?.GetTypeByMetadataName(import) is not null ? $"using static {import};" : $"using {import};");

    static List<string> DuplicateDeclarations(List<(int Cell, MemberDeclarationSyntax Type)> types) =>
        types.GroupBy(t => (t.Type as BaseTypeDeclarationSyntax)?.Identifier.ValueText ?? (t.Type as DelegateDeclarationSyntax)?.Identifier.ValueText)
            .Where(group => group.Count() > 1)
            .Select(group => $"type '{group.Key}' is declared in cells {string.Join(", ", group.Select(t => t.Cell))}: a program keeps one declaration, so rename or merge them in the notebook")
            .ToList();
}

/// <summary>An exported chapter: the app's source, and what the export could not carry over faithfully.</summary>
public sealed record ExportedChapter(string Source, IReadOnlyList<string> Warnings);
