using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace Book.Runtime;

/// <summary>
/// Writes a file so that it is either the old version or the complete new one, never half of each:
/// the content goes to a hidden temporary file beside the target (same folder, so the same disk), is
/// flushed to the disk, and is then renamed over the target. A crash, an interrupt or a full disk leaves
/// the old file as it was. What the user set stays as it was too: the file keeps its permissions and
/// owner, a symbolic link stays a link (its target is written), and with <c>unchangedSince</c> a file
/// that someone else changed meanwhile is not overwritten (<see cref="FileChangedException"/>).
/// Used for everything the book writes that a user owns: notebooks, checkpoints, exported chapters,
/// the kernelspec.
/// </summary>
public static class AtomicFile
{
    /// <summary>Writes <paramref name="path"/> with <paramref name="writeTo"/>, which receives the temporary file's path; creates the folder.</summary>
    public static void Write(string path, Action<string> writeTo) => Write(path, writeTo, unchangedSince: null);

    /// <summary>
    /// Writes <paramref name="path"/> with <paramref name="writeTo"/>; when <paramref name="unchangedSince"/> is given,
    /// only if the file still has that content (else <see cref="FileChangedException"/>, and nothing is written).
    /// </summary>
    public static void Write(string path, Action<string> writeTo, FileFingerprint? unchangedSince)
    {
        ArgumentNullException.ThrowIfNull(writeTo);
        string target = FinalTarget(Path.GetFullPath(path));
        string folder = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(folder);
        string temporary = Path.Combine(folder, $".{Path.GetFileName(target)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            writeTo(temporary);
            FlushToDisk(temporary);
            if (File.Exists(target)) KeepModeAndOwner(target, temporary);
            if (unchangedSince is not null && FileFingerprint.Of(target) is var now && now != unchangedSince)
                throw new FileChangedException(path);
            File.Move(temporary, target, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>Writes <paramref name="text"/> as UTF-8 without a byte-order mark (see <see cref="Write(string, Action{string}, FileFingerprint?)"/>).</summary>
    public static void WriteText(string path, string text, FileFingerprint? unchangedSince = null) =>
        Write(path, temporary => File.WriteAllText(temporary, text, new System.Text.UTF8Encoding(false)), unchangedSince);

    /// <summary>The file a path finally names: itself, or the target at the end of its chain of symbolic links.</summary>
    static string FinalTarget(string path) =>
        new FileInfo(path).LinkTarget is null ? path
        : Path.GetFullPath(File.ResolveLinkTarget(path, returnFinalTarget: true)!.FullName);

    static void FlushToDisk(string file)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.ReadWrite);
        stream.Flush(flushToDisk: true);
    }

    /// <summary>Gives the new file the old one's permissions and, where they differ from the writer's, its owner and group.</summary>
    static void KeepModeAndOwner(string target, string temporary)
    {
        if (OperatingSystem.IsWindows()) return;
        File.SetUnixFileMode(temporary, File.GetUnixFileMode(target));
        if (Ownership.Of(target) is not { } owner || Ownership.Of(temporary) == owner) return;
        if (!Ownership.Set(temporary, owner))
            throw new IOException(
                $"{target} belongs to user {owner.User}, group {owner.Group}; writing it would give it to you, so it was not written (write it as its owner).");
    }

    /// <summary>A file's owner and group (Linux <c>statx</c>, whose layout is the same on every architecture; null elsewhere).</summary>
    readonly record struct Ownership(uint User, uint Group)
    {
        const int AtCurrentDirectory = -100, StatxUserAndGroup = 0x8 | 0x10, UserOffset = 20, GroupOffset = 24;

        public static Ownership? Of(string path)
        {
            if (!OperatingSystem.IsLinux()) return null;
            var buffer = new byte[256];
            try
            {
                if (statx(AtCurrentDirectory, path, 0, StatxUserAndGroup, buffer) != 0) return null;
            }
            catch (EntryPointNotFoundException)
            {
                return null; // a C library older than glibc 2.28
            }
            return new Ownership(BitConverter.ToUInt32(buffer, UserOffset), BitConverter.ToUInt32(buffer, GroupOffset));
        }

        public static bool Set(string path, Ownership owner) => chown(path, owner.User, owner.Group) == 0;

        [DllImport("libc", SetLastError = true)]
        static extern int statx(int directory, string path, int flags, uint mask, byte[] result);

        [DllImport("libc", SetLastError = true)]
        static extern int chown(string path, uint owner, uint group);
    }
}

/// <summary>What a file held when it was read — its length and SHA-256 — to tell later whether someone changed it.</summary>
public sealed record FileFingerprint(long Length, string Sha256)
{
    /// <summary>The fingerprint of <paramref name="content"/>.</summary>
    public static FileFingerprint Of(byte[] content) => new(content.LongLength, Convert.ToHexStringLower(SHA256.HashData(content)));

    /// <summary>The fingerprint of the file at <paramref name="path"/> now; null when it does not exist.</summary>
    public static FileFingerprint? Of(string path) => File.Exists(path) ? Of(File.ReadAllBytes(path)) : null;
}

/// <summary>A file changed on disk after it was read, so writing over it would lose someone's change.</summary>
public sealed class FileChangedException(string path)
    : IOException($"{path} changed on disk after it was read; it was not overwritten, so that change is kept.")
{
    /// <summary>The file that changed.</summary>
    public string FilePath { get; } = path;
}
