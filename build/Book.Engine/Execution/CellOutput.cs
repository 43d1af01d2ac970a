namespace Book.Engine.Execution;

/// <summary>What executing a cell produces, in Jupyter's terms, as it happens.</summary>
public abstract record CellOutput;

/// <summary>Text written to standard output ("stdout") or standard error ("stderr").</summary>
public sealed record StreamOutput(string Name, string Text) : CellOutput;

/// <summary>A <c>display(...)</c> call: a mime bundle shown under a display id.</summary>
public sealed record DisplayOutput(IReadOnlyDictionary<string, string> Data, string DisplayId) : CellOutput;

/// <summary>A <c>DisplayHandle.Update(...)</c>: replaces the output shown under the display id.</summary>
public sealed record DisplayUpdate(IReadOnlyDictionary<string, string> Data, string DisplayId) : CellOutput;

/// <summary><c>clear_output(wait)</c>: the cell's outputs so far are cleared, now or (<paramref name="Wait"/>) when the next one arrives.</summary>
public sealed record ClearOutput(bool Wait) : CellOutput;

/// <summary>The value of the cell's trailing expression.</summary>
public sealed record ResultOutput(IReadOnlyDictionary<string, string> Data) : CellOutput;

/// <summary>A compile or runtime error; exactly one per failing cell.</summary>
public sealed record ErrorOutput(string Name, string Value, IReadOnlyList<string> Traceback) : CellOutput;
