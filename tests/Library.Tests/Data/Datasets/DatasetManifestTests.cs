using System.Security.Cryptography;
using Book.Data;

namespace Book.Tests.Data.Datasets;

/// <summary>Damaged, missing or misplaced data fails with a message naming the file, what was found and what was expected.</summary>
public sealed class DatasetManifestTests : IDisposable
{
    readonly string root = Directory.CreateTempSubdirectory("book-datasets-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    DatasetManifest Write(string fileText, string recordedText, string? install = null)
    {
        File.WriteAllText(Path.Combine(root, "numbers.csv"), fileText);
        byte[] recorded = System.Text.Encoding.UTF8.GetBytes(recordedText);
        string installField = install is null ? "" : $", \"install\": \"{install}\"";
        File.WriteAllText(Path.Combine(root, "manifest.json"), $$"""
            { "datasets": [ { "name": "numbers", "title": "t", "task": "regression", "target": "target",
              "source": "s", "licence": "l"{{installField}},
              "files": [ { "file": "numbers.csv", "bytes": {{recorded.Length}}, "sha256": "{{Convert.ToHexStringLower(SHA256.HashData(recorded))}}" } ] } ] }
            """);
        return DatasetManifest.Load(root);
    }

    [Fact]
    public void A_replaced_file_of_the_same_size_fails_on_its_sha256()
    {
        var manifest = Write("a,target\n1,2\n", "a,target\n1,3\n");
        var error = Assert.Throws<InvalidDataException>(() => TabularDataset.Load(manifest, "numbers"));
        Assert.StartsWith("datasets/numbers.csv: SHA-256 is ", error.Message);
        Assert.Contains(", expected " + Convert.ToHexStringLower(SHA256.HashData("a,target\n1,3\n"u8.ToArray())) + " (manifest); the file is damaged or was replaced", error.Message);
    }

    [Fact]
    public void A_truncated_file_fails_on_its_size()
    {
        var manifest = Write("a,target\n", "a,target\n1,2\n");
        var error = Assert.Throws<InvalidDataException>(() => TabularDataset.Load(manifest, "numbers"));
        string expectedHash = Convert.ToHexStringLower(SHA256.HashData("a,target\n1,2\n"u8.ToArray()));
        Assert.Contains($"datasets/numbers.csv: size is 9 bytes, expected 13 bytes with SHA-256 {expectedHash} (manifest)", error.Message);
        Assert.Contains("`git checkout -- datasets/numbers.csv`", error.Message);
    }

    [Fact]
    public void A_matching_file_loads()
    {
        var manifest = Write("a,target\n1,2\n", "a,target\n1,2\n");
        var table = TabularDataset.Load(manifest, "numbers");
        Assert.Equal(new[] { "a" }, table.FeatureNames);
        Assert.Equal(2.0, table.Frame["target"][0]);
    }

    [Fact]
    public void A_missing_file_says_how_to_get_it()
    {
        var manifest = Write("a,target\n1,2\n", "a,target\n1,2\n", install: "sudo apt-get install numbers");
        File.Delete(Path.Combine(root, "numbers.csv"));
        var error = Assert.Throws<FileNotFoundException>(() => TabularDataset.Load(manifest, "numbers"));
        Assert.Contains("datasets/numbers.csv: not found", error.Message);
        Assert.Contains("`sudo apt-get install numbers`", error.Message);
    }

    [Fact]
    public void An_unknown_name_lists_the_known_ones()
    {
        var manifest = Write("a,target\n1,2\n", "a,target\n1,2\n");
        var error = Assert.Throws<KeyNotFoundException>(() => manifest["mnist"]);
        Assert.Contains("expected one of: numbers", error.Message);
    }

    [Fact]
    public void Root_is_found_walking_up_and_a_wrong_BOOK_DATASETS_is_named()
    {
        Write("a,target\n1,2\n", "a,target\n1,2\n");
        string book = Directory.CreateTempSubdirectory("book-").FullName;
        try
        {
            Directory.Move(root, Path.Combine(book, "datasets"));
            string chapters = Directory.CreateDirectory(Path.Combine(book, "chapters")).FullName;
            Assert.Equal(Path.Combine(book, "datasets"), Book.Data.Datasets.FindRoot(null, chapters));
            var error = Assert.Throws<DirectoryNotFoundException>(() => Book.Data.Datasets.FindRoot(chapters, chapters));
            Assert.Contains($"BOOK_DATASETS is '{chapters}'", error.Message);
            Directory.Move(Path.Combine(book, "datasets"), root);
        }
        finally { Directory.Delete(book, recursive: true); }
    }

    [Theory]
    [InlineData(80, "invalid JSON at line")]   // cut off in the middle
    [InlineData(0, "invalid JSON")]            // emptied
    public void A_truncated_manifest_names_itself_and_what_was_expected(int keptBytes, string found)
    {
        Write("a,target\n1,2\n", "a,target\n1,2\n");
        string manifest = Path.Combine(root, "manifest.json");
        File.WriteAllBytes(manifest, File.ReadAllBytes(manifest)[..keptBytes]);

        var error = Assert.Throws<InvalidDataException>(() => DatasetManifest.Load(root));

        Assert.StartsWith($"{manifest}: expected the book's dataset manifest", error.Message);
        Assert.Contains(found, error.Message);
        Assert.DoesNotContain("\n", error.Message);
    }

    [Fact]
    public void A_manifest_without_datasets_says_so()
    {
        File.WriteAllText(Path.Combine(root, "manifest.json"), "{ \"sets\": [] }");
        var error = Assert.Throws<InvalidDataException>(() => DatasetManifest.Load(root));
        Assert.Contains("found no \"datasets\"", error.Message);
    }
}
