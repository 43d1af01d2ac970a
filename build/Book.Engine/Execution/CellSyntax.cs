using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Book.Engine.Execution;

/// <summary>Whether a cell is ready to run: what a console front end asks before it sends a line.</summary>
public enum SubmissionCompleteness
{
    /// <summary>Parses as complete C#: run it.</summary>
    Complete,
    /// <summary>Something is still open (a brace, a string, a statement): wait for more lines.</summary>
    Incomplete,
    /// <summary>Complete but with syntax errors no further line can fix.</summary>
    Invalid,
}

/// <summary>Questions about a cell's syntax, answered by parsing it as the engine does (a C# script).</summary>
public static class CellSyntax
{
    /// <summary>How cells are parsed: C# script, the latest language version.</summary>
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, kind: SourceCodeKind.Script);

    /// <summary>The cell's syntax tree.</summary>
    public static SyntaxTree Parse(string code) => CSharpSyntaxTree.ParseText(code, ParseOptions);

    /// <summary>Complete, incomplete (Roslyn's <see cref="SyntaxFactory.IsCompleteSubmission"/>) or invalid.</summary>
    public static SubmissionCompleteness Completeness(string code)
    {
        var tree = Parse(code);
        if (!SyntaxFactory.IsCompleteSubmission(tree)) return SubmissionCompleteness.Incomplete;
        return tree.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error)
            ? SubmissionCompleteness.Invalid : SubmissionCompleteness.Complete;
    }

    /// <summary>True when the compiled cell ends with an expression that has a value (not a call of a void method).</summary>
    public static bool EndsWithValue(SemanticModel cell) =>
        TrailingExpression(cell.SyntaxTree) is { } expression && cell.GetTypeInfo(expression).Type?.SpecialType != SpecialType.System_Void;

    /// <summary>The expression a cell ends with (no semicolon), whose value a notebook shows; null if none.</summary>
    public static ExpressionSyntax? TrailingExpression(SyntaxTree tree) =>
        tree.GetRoot().ChildNodes().OfType<GlobalStatementSyntax>().LastOrDefault()?.Statement
            is ExpressionStatementSyntax { SemicolonToken.IsMissing: true } statement ? statement.Expression : null;
}
