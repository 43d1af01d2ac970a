using Book.Runtime;

namespace Book.Tests.Runtime;

public class AtomicFileTests
{
    [Fact]
    public void A_write_that_fails_halfway_leaves_the_old_file_and_no_temporary()
    {
        string folder = Directory.CreateTempSubdirectory("book-atomic-").FullName;
        string path = Path.Combine(folder, "outputs.json");
        try
        {
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
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
