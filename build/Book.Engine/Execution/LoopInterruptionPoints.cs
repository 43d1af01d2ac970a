using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Book.Engine.Execution;

/// <summary>
/// Makes runaway loops stoppable. .NET cannot abort a thread, so before compiling a cell the engine
/// starts the body of every <c>for</c>, <c>foreach</c>, <c>while</c> and <c>do</c> loop with
/// <c>Book.Runtime.Interruption.ThrowIfRequested();</c>. The check goes right after the body's opening
/// brace, on the same line, so line numbers still match what the learner wrote; positions after it on
/// that line move, and <see cref="InstrumentedCell.OriginalPosition"/> moves them back, so compiler
/// errors name the learner's own columns.
/// </summary>
public static class LoopInterruptionPoints
{
    const string Check = " global::Book.Runtime.Interruption.ThrowIfRequested();";

    /// <summary>The cell's code with an interruption point at the top of each loop body.</summary>
    public static InstrumentedCell Insert(string code)
    {
        var insertions = new List<(int Position, string Text)>();
        foreach (var body in CellSyntax.Parse(code).GetRoot().DescendantNodes().Select(LoopBody).OfType<StatementSyntax>())
        {
            if (body is BlockSyntax block) insertions.Add((block.OpenBraceToken.Span.End, Check));
            else
            {
                insertions.Add((body.SpanStart, "{" + Check + " "));
                insertions.Add((body.Span.End, " }"));
            }
        }
        return InstrumentedCell.Apply(code, insertions);
    }

    static StatementSyntax? LoopBody(SyntaxNode node) => node switch
    {
        ForStatementSyntax loop => loop.Statement,
        CommonForEachStatementSyntax loop => loop.Statement,
        WhileStatementSyntax loop => loop.Statement,
        DoStatementSyntax loop => loop.Statement,
        _ => null,
    };
}

/// <summary>A cell's code with text inserted by the engine, and the way back to the positions the learner sees.</summary>
public sealed class InstrumentedCell
{
    readonly SourceText original;
    readonly IReadOnlyList<(int Position, int Length)> insertions; // in the original's coordinates, ascending

    InstrumentedCell(string code, SourceText original, IReadOnlyList<(int, int)> insertions)
    {
        Code = code;
        this.original = original;
        this.insertions = insertions;
    }

    /// <summary>The code to compile.</summary>
    public string Code { get; }

    /// <summary>Inserts each text at its position in <paramref name="code"/> (positions in the original code).</summary>
    public static InstrumentedCell Apply(string code, IEnumerable<(int Position, string Text)> insertions)
    {
        var ordered = insertions.OrderBy(i => i.Position).ToList();
        var result = new StringBuilder(code.Length + ordered.Sum(i => i.Text.Length));
        int copied = 0;
        foreach (var (position, text) in ordered)
        {
            result.Append(code, copied, position - copied).Append(text);
            copied = position;
        }
        result.Append(code, copied, code.Length - copied);
        return new InstrumentedCell(result.ToString(), SourceText.From(code), ordered.Select(i => (i.Position, i.Text.Length)).ToList());
    }

    /// <summary>The position in the learner's code of <paramref name="position"/> in <see cref="Code"/>; inside inserted text, where it was inserted.</summary>
    public int OriginalPosition(int position)
    {
        int shift = 0;
        foreach (var (at, length) in insertions)
        {
            if (position < at + shift) break;
            if (position < at + shift + length) return at;
            shift += length;
        }
        return position - shift;
    }

    /// <summary>The 0-based line and column, in the learner's code, of <paramref name="position"/> in <see cref="Code"/>.</summary>
    public LinePosition OriginalLinePosition(int position) =>
        original.Lines.GetLinePosition(Math.Min(OriginalPosition(position), original.Length));
}
