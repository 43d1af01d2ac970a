using Book.Data;

namespace Book.Tests.Data.Datasets;

/// <summary>
/// The book's own loaders, on copies of the committed files that were damaged on purpose: a truncated
/// download and a flipped byte are rejected before any data is read, with a message that names the
/// file and the SHA-256 it should have.
/// </summary>
public sealed class DamagedDatasetTests : IDisposable
{
    readonly string root = Directory.CreateTempSubdirectory("book-damaged-").FullName;
    readonly DatasetManifest original = Book.Data.Datasets.Manifest;

    public void Dispose() => Directory.Delete(root, recursive: true);

    /// <summary>A copy of the real manifest and of the committed files of <paramref name="dataset"/>.</summary>
    DatasetManifest Copy(string dataset)
    {
        File.Copy(Path.Combine(original.Root, "manifest.json"), Path.Combine(root, "manifest.json"));
        foreach (var file in original[dataset].Files)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(root, file.File))!);
            File.Copy(Path.Combine(original.Root, file.File), Path.Combine(root, file.File));
        }
        return DatasetManifest.Load(root);
    }

    static void Truncate(string path) { using var stream = File.OpenWrite(path); stream.SetLength(stream.Length / 2); }

    static void FlipOneByte(string path)
    {
        var bytes = File.ReadAllBytes(path);
        bytes[bytes.Length / 2] ^= 0x01;
        File.WriteAllBytes(path, bytes);
    }

    [Fact]
    public void Undamaged_copies_load()
    {
        var manifest = Copy("fashion-mnist");
        using var images = ImageDataset.Load(manifest, "fashion-mnist");
        Assert.Equal(2000, images.Train.Count);
    }

    [Fact]
    public void A_truncated_image_file_is_rejected_naming_the_file_and_its_expected_hash()
    {
        var manifest = Copy("fashion-mnist");
        var file = manifest["fashion-mnist"].File("train-images-idx3-ubyte.gz");
        Truncate(Path.Combine(root, file.File));

        var error = Assert.Throws<InvalidDataException>(() => ImageDataset.Load(manifest, "fashion-mnist"));

        Assert.StartsWith("datasets/fashion-mnist/train-images-idx3-ubyte.gz: size is ", error.Message);
        Assert.Contains($"expected {file.Bytes} bytes with SHA-256 {file.Sha256}", error.Message);
    }

    [Fact]
    public void A_corrupted_image_file_of_the_right_size_is_rejected_naming_the_file_and_its_expected_hash()
    {
        var manifest = Copy("fashion-mnist");
        var file = manifest["fashion-mnist"].File("t10k-labels-idx1-ubyte.gz");
        FlipOneByte(Path.Combine(root, file.File));

        var error = Assert.Throws<InvalidDataException>(() => ImageDataset.Load(manifest, "fashion-mnist"));

        Assert.StartsWith("datasets/fashion-mnist/t10k-labels-idx1-ubyte.gz: SHA-256 is ", error.Message);
        Assert.Contains($"expected {file.Sha256} (manifest)", error.Message);
    }

    [Fact]
    public void A_corrupted_table_is_rejected_naming_the_file_and_its_expected_hash()
    {
        var manifest = Copy("breast-cancer");
        var file = manifest["breast-cancer"].Files[0];
        FlipOneByte(Path.Combine(root, file.File));

        var error = Assert.Throws<InvalidDataException>(() => TabularDataset.Load(manifest, "breast-cancer"));

        Assert.StartsWith("datasets/breast-cancer/breast_cancer.csv: SHA-256 is ", error.Message);
        Assert.Contains($"expected {file.Sha256} (manifest)", error.Message);
    }

    [Fact]
    public void A_truncated_table_is_rejected_naming_the_file_and_its_expected_hash()
    {
        var manifest = Copy("digits");
        var file = manifest["digits"].Files[0];
        Truncate(Path.Combine(root, file.File));

        var error = Assert.Throws<InvalidDataException>(() => TabularDataset.Load(manifest, "digits"));

        Assert.Contains($"datasets/digits/digits.csv.gz: size is {file.Bytes / 2} bytes, expected {file.Bytes} bytes with SHA-256 {file.Sha256}", error.Message);
    }
}
