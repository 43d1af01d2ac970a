using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Book.Engine.Execution;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace Book.Engine.Export;

/// <summary>
/// Rewrites one cell, compiled as a script submission, into statements of a top-level program: script
/// fields become locals (modifiers dropped, uninitialised ones start at <c>default</c> as fields did),
/// script methods become local functions, renamed variables take their new names, and a trailing
/// expression with a value is shown with <c>display(...)</c>, as the notebook shows it.
/// </summary>
sealed class CellToProgram(SemanticModel model, IReadOnlyDictionary<string, string> renames) : CSharpSyntaxRewriter
{
    static readonly ExpressionSyntax Display = IdentifierName("display");
    readonly ExpressionStatementSyntax? trailing = CellSyntax.TrailingExpression(model.SyntaxTree)?.Parent as ExpressionStatementSyntax;

    /// <summary>The rewritten cell, split into its statements (usings removed) and its type declarations.</summary>
    public static (string Statements, IReadOnlyList<MemberDeclarationSyntax> Types, IReadOnlyList<UsingDirectiveSyntax> Usings) Rewrite(
        SemanticModel model, IReadOnlyDictionary<string, string> renames)
    {
        var unit = (CompilationUnitSyntax)new CellToProgram(model, renames).Visit(model.SyntaxTree.GetRoot())!;
        var types = unit.Members.Where(IsType).ToList();
        var statements = unit.WithUsings(default).WithMembers(List(unit.Members.Where(m => !IsType(m))));
        return (statements.ToFullString().Trim(), types, unit.Usings);
    }

    static bool IsType(MemberDeclarationSyntax member) => member is BaseTypeDeclarationSyntax or DelegateDeclarationSyntax;

    /// <inheritdoc />
    public override SyntaxNode? VisitIdentifierName(IdentifierNameSyntax node) =>
        model.GetSymbolInfo(node).Symbol is IFieldSymbol field && NewName(field) is { } name
            ? node.WithIdentifier(Rename(node.Identifier, name)) : node;

    /// <inheritdoc />
    public override SyntaxNode? VisitVariableDeclarator(VariableDeclaratorSyntax node)
    {
        var visited = (VariableDeclaratorSyntax)base.VisitVariableDeclarator(node)!;
        if (model.GetDeclaredSymbol(node) is not IFieldSymbol field) return visited;
        if (NewName(field) is { } name) visited = visited.WithIdentifier(Rename(visited.Identifier, name));
        return visited.Initializer is null && !field.IsConst
            ? visited.WithIdentifier(visited.Identifier.WithTrailingTrivia()).WithInitializer(EqualsValueClause(
                Token(SyntaxKind.EqualsToken).WithLeadingTrivia(Space).WithTrailingTrivia(Space), LiteralExpression(SyntaxKind.DefaultLiteralExpression)))
            : visited;
    }

    /// <inheritdoc />
    public override SyntaxNode? VisitSingleVariableDesignation(SingleVariableDesignationSyntax node) =>
        model.GetDeclaredSymbol(node) is IFieldSymbol field && NewName(field) is { } name
            ? node.WithIdentifier(Rename(node.Identifier, name)) : node;

    /// <inheritdoc />
    public override SyntaxNode? VisitFieldDeclaration(FieldDeclarationSyntax node)
    {
        var visited = (FieldDeclarationSyntax)base.VisitFieldDeclaration(node)!;
        return node.Parent is CompilationUnitSyntax ? WithModifiers(visited, visited.Modifiers, SyntaxKind.ConstKeyword) : visited;
    }

    /// <inheritdoc />
    public override SyntaxNode? VisitMethodDeclaration(MethodDeclarationSyntax node)
    {
        var visited = (MethodDeclarationSyntax)base.VisitMethodDeclaration(node)!;
        return node.Parent is CompilationUnitSyntax
            ? WithModifiers(visited, visited.Modifiers, SyntaxKind.StaticKeyword, SyntaxKind.AsyncKeyword, SyntaxKind.UnsafeKeyword)
            : visited;
    }

    /// <inheritdoc />
    public override SyntaxNode? VisitExpressionStatement(ExpressionStatementSyntax node)
    {
        var visited = (ExpressionStatementSyntax)base.VisitExpressionStatement(node)!;
        if (node != trailing) return visited;
        var semicolon = Token(SyntaxKind.SemicolonToken).WithTrailingTrivia(visited.GetTrailingTrivia());
        return CellSyntax.EndsWithValue(model)
            ? ExpressionStatement(InvocationExpression(Display, ArgumentList(SingletonSeparatedList(Argument(visited.Expression.WithoutTrivia())))), semicolon)
                .WithLeadingTrivia(visited.GetLeadingTrivia())
            : visited.WithExpression(visited.Expression.WithoutTrailingTrivia()).WithSemicolonToken(semicolon);
    }

    string? NewName(IFieldSymbol field) => renames.TryGetValue(TopLevelVariables.Key(field), out var name) ? name : null;

    static SyntaxToken Rename(SyntaxToken identifier, string name) => Identifier(identifier.LeadingTrivia, name, identifier.TrailingTrivia);

    /// <summary>Keeps only the modifiers a local (function) may have; the trivia of the first one stays with the declaration.</summary>
    static T WithModifiers<T>(T member, SyntaxTokenList modifiers, params SyntaxKind[] kept) where T : MemberDeclarationSyntax
    {
        var keptModifiers = TokenList(modifiers.Where(m => kept.Contains(m.Kind())));
        return (T)member.WithModifiers(keptModifiers).WithLeadingTrivia(member.GetLeadingTrivia());
    }
}
