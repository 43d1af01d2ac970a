using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Book.Engine.Execution;

public sealed partial class Engine
{
    static readonly SymbolDisplayFormat SignatureFormat = SymbolDisplayFormat.CSharpErrorMessageFormat
        .AddMemberOptions(SymbolDisplayMemberOptions.IncludeType | SymbolDisplayMemberOptions.IncludeParameters)
        .AddParameterOptions(SymbolDisplayParameterOptions.IncludeName);

    static readonly string[] Keywords = SyntaxFacts.GetKeywordKinds().Concat(SyntaxFacts.GetContextualKeywordKinds())
        .Select(SyntaxFacts.GetText).Where(text => text.Length > 0 && char.IsLetter(text[0])).Distinct().Order(StringComparer.Ordinal).ToArray();

    /// <summary>
    /// The names that fit at <paramref name="cursor"/> (a UTF-16 index into <paramref name="code"/>), as if the
    /// code were the next cell: after a dot, the members of what precedes it; elsewhere the variables,
    /// methods and types of earlier cells, imported types and keywords. Matching ignores case; names that
    /// match the case typed come first.
    /// </summary>
    public Completions Complete(string code, int cursor)
    {
        cursor = Math.Clamp(cursor, 0, code.Length);
        int start = cursor;
        while (start > 0 && SyntaxFacts.IsIdentifierPartCharacter(code[start - 1])) start--;
        string prefix = code[start..cursor];
        var (tree, model) = Analyse(code);
        var found = Candidates(tree, model, start, out bool afterDot)
            .Where(symbol => symbol.CanBeReferencedByName && symbol.Name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            .GroupBy(symbol => symbol.Name)
            .Select(group => new CompletionItem(group.Key, Kind(group.First()), Signature(group.First(), group.Count())));
        if (!afterDot)
            found = found.Concat(Keywords.Where(k => k.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)).Select(k => new CompletionItem(k, "keyword", k)));
        var items = found.DistinctBy(item => item.Name)
            .OrderBy(item => item.Name.StartsWith(prefix, StringComparison.Ordinal) ? 0 : 1)
            .ThenBy(item => item.Name, StringComparer.OrdinalIgnoreCase).ToList();
        return new Completions(start, cursor, items);
    }

    /// <summary>
    /// The signature(s) and documentation summary of the symbol at <paramref name="cursor"/> (a UTF-16 index), as if
    /// the code were the next cell; null when the cursor is on no symbol.
    /// </summary>
    public string? Describe(string code, int cursor)
    {
        var (tree, model) = Analyse(code);
        if (IdentifierAt(tree, Math.Clamp(cursor, 0, code.Length)) is not { } node) return null;
        var info = model.GetSymbolInfo(node);
        IEnumerable<ISymbol> symbols = info.Symbol is { } symbol ? [symbol]
            : !info.CandidateSymbols.IsEmpty ? info.CandidateSymbols
            : model.GetDeclaredSymbol(node) is { } declared ? [declared]
            : model.GetMemberGroup(node);
        var shown = symbols.Take(8).Select(s => Signature(s, 1) + (DocumentationLookup.Summary(s) is { } summary ? "\n    " + summary : "")).ToList();
        return shown.Count == 0 ? null : string.Join("\n", shown);
    }

    /// <summary>The code compiled as the next cell after those run so far, with the references its session added (nothing runs).</summary>
    (SyntaxTree Tree, SemanticModel Model) Analyse(string code)
    {
        // The code as the engine compiles it: Polyglot directives blanked in place, so positions are the cell's own.
        string adapted = PolyglotCompatibility.Adapt(code);
        var options = polyglot.Options;
        var script = state is null ? CSharpScript.Create<object?>(adapted, options) : state.Script.ContinueWith<object?>(adapted, options);
        var compilation = script.GetCompilation();
        var tree = compilation.SyntaxTrees.Single();
        return (tree, compilation.GetSemanticModel(tree));
    }

    static IEnumerable<ISymbol> Candidates(SyntaxTree tree, SemanticModel model, int start, out bool afterDot)
    {
        var dot = start > 0 ? tree.GetRoot().FindToken(start - 1) : default;
        var target = dot.IsKind(SyntaxKind.DotToken) ? dot.Parent switch
        {
            MemberAccessExpressionSyntax access => access.Expression,
            QualifiedNameSyntax name => name.Left,
            _ => null,
        } : null;
        afterDot = target is not null;
        if (target is null) return model.LookupSymbols(start);
        if (model.GetSymbolInfo(target).Symbol is INamespaceOrTypeSymbol container)
            return container is INamespaceSymbol ? model.LookupNamespacesAndTypes(start, container) : model.LookupStaticMembers(start, container);
        return model.GetTypeInfo(target).Type is { } type
            ? model.LookupSymbols(start, type, includeReducedExtensionMethods: true).Where(s => !s.IsStatic)
            : [];
    }

    static SyntaxNode? IdentifierAt(SyntaxTree tree, int cursor)
    {
        var root = tree.GetRoot();
        foreach (int position in new[] { cursor, cursor - 1 }.Where(p => p >= 0 && p < root.FullSpan.End))
        {
            var token = root.FindToken(position);
            if (token.IsKind(SyntaxKind.IdentifierToken) && token.Span.Start <= cursor && cursor <= token.Span.End) return token.Parent;
        }
        return null;
    }

    static string Signature(ISymbol symbol, int overloads) =>
        symbol.ToDisplayString(SignatureFormat) + (overloads > 1 ? $" (+{overloads - 1} overloads)" : "");

    static string Kind(ISymbol symbol) => symbol switch
    {
        IMethodSymbol => "function",
        INamedTypeSymbol => "class",
        INamespaceSymbol => "module",
        IPropertySymbol => "property",
        IFieldSymbol { ContainingType.IsScriptClass: true } or ILocalSymbol or IParameterSymbol => "instance",
        IFieldSymbol => "field",
        IEventSymbol => "event",
        _ => symbol.Kind.ToString().ToLowerInvariant(),
    };
}
