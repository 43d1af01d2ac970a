using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Book.Engine.Export;

/// <summary>
/// Names for the cells' top-level variables once they become locals of one program. A script lets a
/// later cell declare <c>var model</c> again, or a loop reuse a name declared at the top of a cell;
/// one method body does not. Such variables get a numbered name (<c>model2</c>); the others keep theirs.
/// </summary>
static class TopLevelVariables
{
    /// <summary>The new name of each renamed variable, by <see cref="Key"/>.</summary>
    public static IReadOnlyDictionary<string, string> Renames(IReadOnlyList<Compilation> cells)
    {
        var models = cells.Select(c => c.GetSemanticModel(c.SyntaxTrees.Single())).ToList();
        var used = models.SelectMany(m => m.SyntaxTree.GetRoot().DescendantTokens())
            .Select(t => t.ValueText).ToHashSet(StringComparer.Ordinal);
        var nested = models.SelectMany(m => StatementLevelDeclarations(m).OfType<ILocalSymbol>()).Select(s => s.Name).ToHashSet();
        var assigned = new HashSet<string>(StringComparer.Ordinal);
        var renames = new Dictionary<string, string>();
        foreach (var field in models.SelectMany(m => m.SyntaxTree.GetRoot().DescendantNodes(n => n is not TypeDeclarationSyntax)
                     .Select(n => m.GetDeclaredSymbol(n)).OfType<IFieldSymbol>().Where(f => f.ContainingType.IsScriptClass)))
        {
            string name = field.Name;
            if (assigned.Contains(name) || nested.Contains(name))
            {
                int n = 2;
                while (used.Contains($"{field.Name}{n}") || assigned.Contains($"{field.Name}{n}")) n++;
                name = $"{field.Name}{n}";
                renames[Key(field)] = name;
            }
            assigned.Add(name);
        }
        return renames;
    }

    /// <summary>Identifies a top-level variable across cells: its submission class and name.</summary>
    public static string Key(IFieldSymbol field) => $"{field.ContainingType.ToDisplayString()}.{field.Name}";

    /// <summary>Symbols declared inside the cells' statements, outside lambdas and local functions (which may shadow).</summary>
    static IEnumerable<ISymbol> StatementLevelDeclarations(SemanticModel model) =>
        model.SyntaxTree.GetRoot().ChildNodes().OfType<GlobalStatementSyntax>()
            .SelectMany(statement => statement.DescendantNodes(n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)))
            .Select(node => model.GetDeclaredSymbol(node)).OfType<ISymbol>();
}
