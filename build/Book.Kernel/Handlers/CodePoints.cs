namespace Book.Kernel.Handlers;

/// <summary>
/// Jupyter counts cursor positions in Unicode code points (protocol 5.2+); .NET strings index UTF-16
/// units. The two differ after any character outside the Basic Multilingual Plane (e.g. an emoji).
/// </summary>
public static class CodePoints
{
    /// <summary>The UTF-16 index of the code point at <paramref name="codePoint"/> (clamped to the text).</summary>
    public static int ToUtf16Index(string text, int codePoint)
    {
        int index = 0;
        for (int seen = 0; seen < codePoint && index < text.Length; seen++)
            index += char.IsSurrogatePair(text, index) ? 2 : 1;
        return index;
    }

    /// <summary>The code-point position of the UTF-16 <paramref name="index"/>.</summary>
    public static int FromUtf16Index(string text, int index)
    {
        int codePoints = 0;
        for (int i = 0; i < index && i < text.Length; i += char.IsSurrogatePair(text, i) ? 2 : 1) codePoints++;
        return codePoints;
    }
}
