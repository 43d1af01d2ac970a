using Book.Runtime;

namespace Book.Tests.Runtime;

/// <summary>What AtomicFile promises for a file the user owns: never half-written, and nothing else about it changed.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class AtomicFileTests : IDisposable
{
    readonly string folder = Directory.CreateTempSubdirectory("book-atomic-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    string PathOf(string name) => Path.Combine(folder, name);

    [Fact]
    public void A_write_that_fails_halfway_leaves_the_old_file_and_no_temporary()
    {
        string path = PathOf("outputs.json");
        AtomicFile.WriteText(path, "old");

        Assert.Throws<IOException>(() => AtomicFile.Write(path, temporary =>
        {
            File.WriteAllText(temporary, "half of the n");
            throw new IOException("disk full");
        }));

        Assert.Equal("old", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(folder));
        AtomicFile.WriteText(path, "new");
        Assert.Equal("new", File.ReadAllText(path));
    }

    [Theory]
    [InlineData(UnixFileMode.UserRead | UnixFileMode.UserWrite)]                                   // 600: private
    [InlineData(UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead)]         // 444: read-only
    [InlineData(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.GroupWrite)] // 660: shared with a group
    public void The_file_keeps_its_permissions(UnixFileMode mode)
    {
        string path = PathOf("chapter.ipynb");
        File.WriteAllText(path, "old");
        File.SetUnixFileMode(path, mode);

        AtomicFile.WriteText(path, "new");

        Assert.Equal("new", File.ReadAllText(path));
        Assert.Equal(mode, File.GetUnixFileMode(path));
    }

    [Fact]
    public void The_file_keeps_its_owner_and_group()
    {
        string path = PathOf("chapter.ipynb");
        File.WriteAllText(path, "old");
        bool root = Environment.UserName == "root";
        if (root) Assert.Equal(0, Chown(path, "65534:65534")); // nobody:nogroup, another user than the writer
        string before = Owner(path);

        AtomicFile.WriteText(path, "new");

        Assert.Equal("new", File.ReadAllText(path));
        Assert.Equal(before, Owner(path));
        if (root) Assert.Equal("65534:65534", Owner(path));
    }

    [Fact]
    public void A_symbolic_link_stays_a_link_and_its_target_gets_the_content()
    {
        string target = PathOf("real.ipynb"), link = PathOf("linked.ipynb");
        File.WriteAllText(target, "old");
        File.CreateSymbolicLink(link, target);

        AtomicFile.WriteText(link, "new");

        Assert.Equal(target, new FileInfo(link).LinkTarget);
        Assert.Equal("new", File.ReadAllText(target));
        Assert.Equal(2, Directory.GetFiles(folder).Length);
    }

    [Fact]
    public void A_file_changed_since_it_was_read_is_not_overwritten()
    {
        string path = PathOf("chapter.ipynb");
        File.WriteAllText(path, "as read");
        var read = FileFingerprint.Of(path);
        File.WriteAllText(path, "edited meanwhile");

        var refused = Assert.Throws<FileChangedException>(() => AtomicFile.WriteText(path, "outputs", unchangedSince: read));

        Assert.Contains("changed on disk", refused.Message);
        Assert.Equal("edited meanwhile", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(folder));
        AtomicFile.WriteText(path, "outputs", unchangedSince: FileFingerprint.Of(path));
        Assert.Equal("outputs", File.ReadAllText(path));
    }

    static string Owner(string path) => Stat("-c", "%u:%g", path);

    static int Chown(string path, string owner)
    {
        using var chown = System.Diagnostics.Process.Start("chown", [owner, path])!;
        chown.WaitForExit();
        return chown.ExitCode;
    }

    static string Stat(params string[] arguments)
    {
        using var stat = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("stat", arguments) { RedirectStandardOutput = true })!;
        string output = stat.StandardOutput.ReadToEnd().Trim();
        stat.WaitForExit();
        return output;
    }
}
