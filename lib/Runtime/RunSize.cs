namespace Book.Runtime;

/// <summary>
/// How big a chapter's experiments are. The default, <see cref="Small"/>, fits the book's budget — every
/// chapter in at most two minutes on a 2-core laptop CPU — and is what the build, the tests and the
/// committed outputs use. <c>BOOK_SIZE=large</c> selects the larger setting a chapter offers for a GPU or
/// the full datasets (more epochs, wider models, all 60 000 Fashion-MNIST images); its outputs are not
/// the committed ones. A chapter writes <c>int epochs = RunSize.Pick(small: 8, large: 40);</c>.
/// </summary>
public static class RunSize
{
    /// <summary>The name of the environment variable that selects the size.</summary>
    public const string Variable = "BOOK_SIZE";

    /// <summary>True when <c>BOOK_SIZE=large</c>; read once per process.</summary>
    public static bool IsLarge { get; } = Parse(Environment.GetEnvironmentVariable(Variable));

    /// <summary>True for the default size.</summary>
    public static bool Small => !IsLarge;

    /// <summary>The value for the size in effect.</summary>
    public static T Pick<T>(T small, T large) => IsLarge ? large : small;

    /// <summary>"small (the default)" or "large (BOOK_SIZE=large)", for a chapter's first output.</summary>
    public static string Describe() => IsLarge ? $"large ({Variable}=large)" : "small (the default; BOOK_SIZE=large for the full setting)";

    /// <summary>Reads a setting: empty or "small" is small, "large" is large; anything else is an error naming both.</summary>
    public static bool Parse(string? setting) => setting?.Trim().ToLowerInvariant() switch
    {
        null or "" or "small" => false,
        "large" => true,
        var other => throw new ArgumentException($"Expected {Variable} to be 'small' or 'large', got '{other}'."),
    };
}
