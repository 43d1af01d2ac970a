using Book.Data;
using static TorchSharp.torch;

namespace Book.Tests.Data.Datasets;

/// <summary>The committed datasets load, pass their checksums and hold what their descriptions promise.</summary>
public class DatasetsTests
{
    static long[] LabelCounts(Tensor labels, int classes) =>
        Enumerable.Range(0, classes).Select(c => labels.eq(c).sum().item<long>()).ToArray();

    [Fact]
    public void Root_is_found_from_the_test_folder_and_every_repository_file_verifies()
    {
        var manifest = Book.Data.Datasets.Manifest;
        Assert.EndsWith("datasets", manifest.Root);
        var committed = manifest.Entries.SelectMany(e => e.Files.Where(f => !Path.IsPathRooted(f.File)).Select(f => (e, f))).ToList();
        Assert.Equal(10, committed.Count); // five tables, four Fashion-MNIST files, one text (The Devil's Dictionary)
        foreach (var (entry, file) in committed) Assert.True(File.Exists(manifest.Verify(entry, file)));
        Assert.All(manifest.Entries, e => Assert.False(string.IsNullOrWhiteSpace(e.Licence)));
    }

    [Fact]
    public void Breast_cancer_has_569_tumours_212_malignant_357_benign()
    {
        var table = Book.Data.Datasets.BreastCancer();
        Assert.Equal(30, table.FeatureNames.Count);
        Assert.Equal("mean radius", table.FeatureNames[0]);
        Assert.Equal(new[] { "malignant", "benign" }, table.Classes);
        using var data = table.ToTensors();
        Assert.Equal(new long[] { 569, 30 }, data.X.shape);
        Assert.Equal(ScalarType.Int64, data.Y.dtype);
        Assert.Equal(new long[] { 212, 357 }, LabelCounts(data.Y, 2));
        Assert.Equal(17.99f, data.X[0, 0].item<float>());
    }

    [Fact]
    public void Iris_wine_and_digits_have_their_documented_class_counts()
    {
        using var iris = Book.Data.Datasets.Iris().ToTensors();
        Assert.Equal(new long[] { 50, 50, 50 }, LabelCounts(iris.Y, 3));
        using var wine = Book.Data.Datasets.Wine().ToTensors();
        Assert.Equal(new long[] { 59, 71, 48 }, LabelCounts(wine.Y, 3));
        var digits = Book.Data.Datasets.Digits();
        using var digitTensors = digits.ToTensors();
        Assert.Equal(new long[] { 1797, 64 }, digitTensors.X.shape);
        Assert.Equal(16f, digitTensors.X.max().item<float>());
        Assert.Equal(10, digits.Classes!.Count);
    }

    [Fact]
    public void Diabetes_is_a_regression_with_raw_features_and_a_column_target()
    {
        var diabetes = Book.Data.Datasets.Diabetes();
        Assert.Null(diabetes.Classes);
        Assert.Contains("(regression)", diabetes.ToString());
        using var data = diabetes.ToTensors();
        Assert.Equal(new long[] { 442, 10 }, data.X.shape);
        Assert.Equal(new long[] { 442, 1 }, data.Y.shape);
        Assert.Equal(59f, data.X[0, 0].item<float>());
        Assert.Equal(151f, data.Y[0, 0].item<float>());
    }

    [Fact]
    public void Fashion_mnist_subset_is_images_in_the_unit_interval_with_ten_classes()
    {
        using var fashion = Book.Data.Datasets.FashionMnist();
        Assert.Equal(new long[] { 2000, 1, 28, 28 }, fashion.Train.X.shape);
        Assert.Equal(new long[] { 500, 1, 28, 28 }, fashion.Test.X.shape);
        Assert.Equal(0f, fashion.Train.X.min().item<float>());
        Assert.Equal(1f, fashion.Train.X.max().item<float>());
        Assert.All(LabelCounts(fashion.Train.Y, 10), count => Assert.InRange(count, 150, 250));
        Assert.Equal("Ankle boot", fashion.Classes[9]);
    }

    [Fact]
    public void Full_fashion_mnist_comes_from_the_debian_package_and_begins_with_the_subset()
    {
        if (!File.Exists("/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz"))
        {
            var missing = Assert.Throws<FileNotFoundException>(() => Book.Data.Datasets.FashionMnist(full: true));
            Assert.Contains("sudo apt-get install dataset-fashion-mnist", missing.Message);
            return;
        }
        using var full = Book.Data.Datasets.FashionMnist(full: true);
        using var subset = Book.Data.Datasets.FashionMnist();
        Assert.Equal(60000, full.Train.Count);
        Assert.Equal(10000, full.Test.Count);
        Assert.True(full.Train.X[..2000].eq(subset.Train.X).all().item<bool>());
        Assert.True(full.Test.Y[..500].eq(subset.Test.Y).all().item<bool>());
    }
}
