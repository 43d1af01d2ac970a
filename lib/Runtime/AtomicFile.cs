namespace Book.Runtime;

/// <summary>
/// Writes a file so that it is either the old version or the complete new one, never half of each:
/// the content goes to a hidden temporary file beside the target (same folder, so the same disk),
/// which is then renamed over it. A crash, an interrupt or a full disk leaves the old file as it was.
/// Used for everything the book writes that a user owns: notebooks, checkpoints, exported chapters,
/// the kernelspec.
/// </summary>
public static class AtomicFile
{
    /// <summary>Writes <paramref name="path"/> with <paramref name="writeTo"/>, which receives the temporary file's path; creates the folder.</summary>
    public static void Write(string path, Action<string> writeTo)
    {
        ArgumentNullException.ThrowIfNull(writeTo);
        string target = Path.GetFullPath(path);
        string folder = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(folder);
        string temporary = Path.Combine(folder, $".{Path.GetFileName(target)}.{Environment.ProcessId}.tmp");
        try
        {
            writeTo(temporary);
            File.Move(temporary, target, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>Writes <paramref name="text"/> as UTF-8 without a byte-order mark.</summary>
    public static void WriteText(string path, string text) =>
        Write(path, temporary => File.WriteAllText(temporary, text, new System.Text.UTF8Encoding(false)));
}
