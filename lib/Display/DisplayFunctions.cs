namespace Book.Display;

/// <summary>
/// <c>display(value)</c>, as in Jupyter and Polyglot notebooks: shows a value as an output now (not
/// only at the end of the cell) and returns a handle whose <see cref="DisplayHandle.Update"/> replaces
/// that output in place — how training progress stays one line. The engine imports this class
/// statically, as does every exported chapter.
/// </summary>
public static class DisplayFunctions
{
    /// <summary>Shows <paramref name="value"/>; with <paramref name="mimeTypes"/>, only those representations.</summary>
    public static DisplayHandle display(object? value, params string[] mimeTypes)
    {
        var handle = new DisplayHandle(Guid.NewGuid().ToString("N"), mimeTypes);
        DisplaySink.Current.Display(Formatter.ToMimeBundle(value, mimeTypes), handle.DisplayId);
        return handle;
    }
}

/// <summary>A displayed output that can be replaced (Jupyter's <c>update_display_data</c>).</summary>
public sealed class DisplayHandle
{
    readonly string[] mimeTypes;

    internal DisplayHandle(string displayId, string[] mimeTypes)
    {
        DisplayId = displayId;
        this.mimeTypes = mimeTypes;
    }

    /// <summary>The id Jupyter uses to find the output again.</summary>
    public string DisplayId { get; }

    /// <summary>Replaces the displayed output with <paramref name="value"/>.</summary>
    public void Update(object? value) => DisplaySink.Current.Update(Formatter.ToMimeBundle(value, mimeTypes), DisplayId);
}
