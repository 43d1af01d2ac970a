namespace Book.Engine.Execution;

/// <summary>What can be typed at a cursor: replace the text from <paramref name="Start"/> to <paramref name="End"/> (UTF-16 indices) with an item's name.</summary>
public sealed record Completions(int Start, int End, IReadOnlyList<CompletionItem> Items);

/// <summary>One completion: a name, its kind as Jupyter front ends name kinds ("function", "class", "property", "keyword"…) and its signature.</summary>
public sealed record CompletionItem(string Name, string Kind, string Signature);
