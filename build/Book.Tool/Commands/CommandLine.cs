namespace Book.Tool.Commands;

/// <summary>Splits a command's arguments into positional ones and <c>--name value</c> options (or flags).</summary>
static class CommandLine
{
    /// <summary>
    /// Options in <paramref name="valued"/> take the next argument; those in <paramref name="flags"/> take none
    /// (their value is ""). Anything else starting with "--" is an error naming <paramref name="command"/>.
    /// </summary>
    public static (List<string> Positional, Dictionary<string, string> Options) Parse(IReadOnlyList<string> args,
        IReadOnlyCollection<string> valued, string command, IReadOnlyCollection<string>? flags = null)
    {
        var positional = new List<string>();
        var options = new Dictionary<string, string>();
        for (int i = 0; i < args.Count; i++)
        {
            if (valued.Contains(args[i]))
            {
                if (i + 1 >= args.Count) throw new Engine.Chapters.BookException($"{args[i]} expects a value for `book {command}`.");
                options[args[i]] = args[++i];
            }
            else if (flags?.Contains(args[i]) == true) options[args[i]] = "";
            else if (args[i].StartsWith("--", StringComparison.Ordinal)) throw new Engine.Chapters.BookException($"Unknown option '{args[i]}' for `book {command}`.");
            else positional.Add(args[i]);
        }
        return (positional, options);
    }

    /// <summary>A positive number option, or <paramref name="fallback"/> when absent.</summary>
    public static double Positive(Dictionary<string, string> options, string name, double fallback)
    {
        if (!options.TryGetValue(name, out var text)) return fallback;
        return double.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out double value) && value > 0 ? value
            : throw new Engine.Chapters.BookException($"{name} expects a positive number, got '{text}'.");
    }
}
