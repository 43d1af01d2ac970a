using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace Book.Engine.Execution;

/// <summary>
/// Makes runaway loops stoppable. .NET cannot abort a thread, so before compiling a cell the engine
/// rewrites the body of every <c>for</c>, <c>foreach</c>, <c>while</c> and <c>do</c> loop to start with
/// <c>Book.Runtime.Interruption.ThrowIfRequested();</c>. The check is added on the same line, so
/// compiler and runtime line numbers still match what the learner wrote.
/// </summary>
public sealed class LoopInterruptionPoints : CSharpSyntaxRewriter
{
    static readonly StatementSyntax Check =
        ParseStatement("global::Book.Runtime.Interruption.ThrowIfRequested(); ");

    /// <summary>The cell's code with an interruption point at the top of each loop body.</summary>
    public static string Insert(string code)
    {
        var tree = CSharpSyntaxTree.ParseText(code, new CSharpParseOptions(kind: SourceCodeKind.Script));
        return new LoopInterruptionPoints().Visit(tree.GetRoot()).ToFullString();
    }

    static StatementSyntax WithCheck(StatementSyntax body) => body is BlockSyntax block
        ? block.WithStatements(block.Statements.Insert(0, Check))
        : Block(Check, body.WithoutTrivia()).WithTriviaFrom(body);

    /// <inheritdoc />
    public override SyntaxNode? VisitForStatement(ForStatementSyntax node) =>
        node.WithStatement(WithCheck((StatementSyntax)Visit(node.Statement)!));

    /// <inheritdoc />
    public override SyntaxNode? VisitForEachStatement(ForEachStatementSyntax node) =>
        node.WithStatement(WithCheck((StatementSyntax)Visit(node.Statement)!));

    /// <inheritdoc />
    public override SyntaxNode? VisitForEachVariableStatement(ForEachVariableStatementSyntax node) =>
        node.WithStatement(WithCheck((StatementSyntax)Visit(node.Statement)!));

    /// <inheritdoc />
    public override SyntaxNode? VisitWhileStatement(WhileStatementSyntax node) =>
        node.WithStatement(WithCheck((StatementSyntax)Visit(node.Statement)!));

    /// <inheritdoc />
    public override SyntaxNode? VisitDoStatement(DoStatementSyntax node) =>
        node.WithStatement(WithCheck((StatementSyntax)Visit(node.Statement)!));
}
