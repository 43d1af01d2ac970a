using Microsoft.DotNet.Interactive.Formatting;

namespace Book.Display;

/// <summary>Where <c>display(...)</c> sends a formatted value: a notebook's outputs, a Jupyter front end, or the console.</summary>
public interface IDisplaySink
{
    /// <summary>Shows a new output; <paramref name="displayId"/> lets later updates replace it.</summary>
    void Display(IReadOnlyDictionary<string, string> bundle, string displayId);

    /// <summary>Replaces the output shown earlier under <paramref name="displayId"/>.</summary>
    void Update(IReadOnlyDictionary<string, string> bundle, string displayId);

    /// <summary>Clears the outputs shown so far by the running cell; with <paramref name="wait"/>, when the next output arrives.</summary>
    void Clear(bool wait) { }
}

/// <summary>
/// The sink of the current execution. The book's engine and kernel set it per cell (it flows with
/// async calls); outside them — in an exported chapter run with <c>dotnet run</c> — values are printed
/// as plain text to the console, and updates print again only when the text changed.
/// </summary>
public static class DisplaySink
{
    static readonly AsyncLocal<IDisplaySink?> current = new();

    /// <summary>The sink <c>display(...)</c> uses now.</summary>
    public static IDisplaySink Current
    {
        get => current.Value ?? ConsoleDisplaySink.Instance;
        set => current.Value = value;
    }

    /// <summary>
    /// Sends a value shown or updated through .NET Interactive's own API (<c>value.Display()</c>,
    /// <see cref="DisplayedValue.Update"/>) to the current sink, as <c>display(...)</c> does.
    /// </summary>
    internal static void Show(DisplayedValue shown)
    {
        var bundle = MimeBundle.Of(shown);
        if (shown.IsUpdated) Current.Update(bundle, shown.DisplayId);
        else Current.Display(bundle, shown.DisplayId);
    }
}

/// <summary>Prints the plain-text form of displayed values to standard output.</summary>
public sealed class ConsoleDisplaySink : IDisplaySink
{
    /// <summary>The one console sink.</summary>
    public static readonly ConsoleDisplaySink Instance = new();
    readonly Dictionary<string, string> lastShown = new();

    ConsoleDisplaySink() { }

    /// <inheritdoc />
    public void Display(IReadOnlyDictionary<string, string> bundle, string displayId) => Print(bundle, displayId);

    /// <inheritdoc />
    public void Update(IReadOnlyDictionary<string, string> bundle, string displayId) => Print(bundle, displayId);

    void Print(IReadOnlyDictionary<string, string> bundle, string displayId)
    {
        string text = bundle[MimeTypes.PlainText];
        lock (lastShown)
        {
            if (lastShown.TryGetValue(displayId, out var previous) && previous == text) return;
            lastShown[displayId] = text;
        }
        Console.Out.WriteLine(text);
    }
}
