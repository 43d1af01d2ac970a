using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;

namespace Book.Engine.Execution;

public sealed partial class Engine
{
    /// <summary>
    /// Compiles cells one after another exactly as a fresh engine would run them (same references, imports
    /// and Polyglot adaptations), without running anything: for tools that need the cells' symbols and types.
    /// </summary>
    internal static IReadOnlyList<Compilation> CompileCells(IEnumerable<string> cells)
    {
        Script<object?>? script = null;
        var compilations = new List<Compilation>();
        foreach (string code in cells)
        {
            string adapted = PolyglotCompatibility.Adapt(code);
            script = script is null ? CSharpScript.Create<object?>(adapted, Options) : script.ContinueWith<object?>(adapted, Options);
            compilations.Add(script.GetCompilation());
        }
        return compilations;
    }

    /// <summary>True when the cell just compiled ends with an expression that has a value, which the notebook shows.</summary>
    static bool EndsWithValue(Script script)
    {
        var compilation = script.GetCompilation();
        return CellSyntax.EndsWithValue(compilation.GetSemanticModel(compilation.SyntaxTrees.Single()));
    }
}
