using System.Text.Json.Nodes;
using Book.Data;

namespace Book.Tests.Data.Datasets;

/// <summary>Chapter 09's word lists and CO₂ series: what their descriptions promise, and damaged copies refused.</summary>
public sealed class SequenceDatasetsTests : IDisposable
{
    readonly string root = Directory.CreateTempSubdirectory("book-sequence-datasets-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public void Word_languages_has_2000_words_per_language_400_of_them_for_test_and_no_word_in_two_languages()
    {
        var words = Book.Data.Datasets.WordLanguages();

        Assert.Equal(["english", "german", "french", "italian", "spanish", "dutch"], words.Classes);
        Assert.Equal(6 * 1600, words.Train.Count);
        Assert.Equal(6 * 400, words.Test.Count);
        var all = words.Train.Concat(words.Test).ToList();
        Assert.All(Enumerable.Range(0, 6), c => Assert.Equal(2000, all.Count(w => w.Label == c)));
        Assert.Equal(all.Count, all.Select(w => w.Word).Distinct().Count());
        Assert.All(all, w => Assert.True(w.Word.Length is >= 3 and <= 12 && w.Word.All(char.IsLower), w.Word));
        Assert.Empty(words.Train.Select(w => w.Word).Intersect(words.Test.Select(w => w.Word)));
    }

    [Fact]
    public void Mauna_loa_co2_is_weekly_from_1958_to_2001_with_59_gaps_and_526_months()
    {
        var weekly = Book.Data.Datasets.MaunaLoaCo2();
        Assert.Equal(2284, weekly.Values.Count);
        Assert.Equal(59, weekly.Missing);
        Assert.Equal(new DateOnly(1958, 3, 29), weekly.Dates[0]);
        Assert.Equal(316.1, weekly.Values[0]);

        var monthly = weekly.MonthlyMeans();
        Assert.Equal(526, monthly.Values.Count);
        Assert.Equal(5, monthly.Missing);                              // 1958-06, 1958-10, 1964-02 … 04
        Assert.Equal(new DateOnly(2001, 12, 1), monthly.Dates[^1]);
        var march1958 = weekly.Values.Take(1).Average();                   // one week in March 1958
        Assert.Equal(march1958, monthly.Values[0], 12);
        Assert.Equal(0, monthly.Interpolated().Missing);
    }

    [Fact]
    public void Interpolation_fills_gaps_on_the_line_between_neighbours_and_ends_with_the_nearest_value()
    {
        var dates = Enumerable.Range(0, 6).Select(i => new DateOnly(2000, 1 + i, 1)).ToList();
        var series = new TimeSeries("x", "u", dates, [double.NaN, 1, double.NaN, double.NaN, 4, double.NaN]);

        Assert.Equal([1.0, 1, 2, 3, 4, 4], series.Interpolated().Values);
    }

    [Fact]
    public void Monthly_means_average_the_measured_weeks_and_leave_empty_months_missing()
    {
        var dates = new[] { new DateOnly(2000, 1, 8), new DateOnly(2000, 1, 22), new DateOnly(2000, 3, 4) };
        var monthly = new TimeSeries("x", "u", dates, [1.0, 2.0, 5.0]).MonthlyMeans();

        Assert.Equal([new DateOnly(2000, 1, 1), new DateOnly(2000, 2, 1), new DateOnly(2000, 3, 1)], monthly.Dates);
        Assert.Equal(1.5, monthly.Values[0]);
        Assert.True(double.IsNaN(monthly.Values[1]));
        Assert.Equal(5.0, monthly.Values[2]);
    }

    [Theory]
    [InlineData("word-languages", "word-languages/words.csv")]
    [InlineData("mauna-loa-co2", "mauna-loa-co2/co2.csv")]
    public void A_corrupted_copy_is_refused_naming_the_file_and_the_expected_hash(string name, string file)
    {
        var (manifest, path, sha256) = CopyOf(name, file);
        var bytes = File.ReadAllBytes(path);
        bytes[bytes.Length / 2] ^= 0x20;                      // one letter changes case: same size, other hash
        File.WriteAllBytes(path, bytes);

        var error = Assert.Throws<InvalidDataException>(() => Load(manifest, name));
        Assert.StartsWith($"datasets/{file}: SHA-256 is ", error.Message);
        Assert.Contains($"expected {sha256} (manifest)", error.Message);
    }

    [Theory]
    [InlineData("word-languages", "word-languages/words.csv")]
    [InlineData("mauna-loa-co2", "mauna-loa-co2/co2.csv")]
    public void A_truncated_copy_is_refused_naming_the_file_and_the_expected_hash(string name, string file)
    {
        var (manifest, path, sha256) = CopyOf(name, file);
        long bytes = new FileInfo(path).Length;
        using (var stream = File.OpenWrite(path)) stream.SetLength(bytes - 100);

        var error = Assert.Throws<InvalidDataException>(() => Load(manifest, name));
        Assert.StartsWith($"datasets/{file}: size is {bytes - 100} bytes, expected {bytes} bytes with SHA-256 {sha256} (manifest)", error.Message);
    }

    [Fact]
    public void A_row_with_an_unknown_language_is_refused_with_its_line_number()
    {
        var (manifest, path, _) = CopyOf("word-languages", "word-languages/words.csv", edit: text => text.Replace("\nzoned,english,", "\nzoned,klingon,"));

        var error = Assert.Throws<InvalidDataException>(() => WordDataset.Load(manifest, "word-languages"));
        Assert.Equal($"{path}, line 2: expected 'word,<one of english|german|french|italian|spanish|dutch>,<train|test>', got 'zoned,klingon,test'.", error.Message);
    }

    static object Load(DatasetManifest manifest, string name) =>
        name == "word-languages" ? WordDataset.Load(manifest, name) : TimeSeries.Load(manifest, name, "ppm");

    /// <summary>The dataset's file and its manifest entry, copied into a temporary root (the entry re-hashed after <paramref name="edit"/>).</summary>
    (DatasetManifest Manifest, string Path, string Sha256) CopyOf(string name, string file, Func<string, string>? edit = null)
    {
        var real = Book.Data.Datasets.Manifest;
        string path = Path.Combine(root, file);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.Copy(Path.Combine(real.Root, file), path);
        var entry = JsonNode.Parse(File.ReadAllText(Path.Combine(real.Root, "manifest.json")))!["datasets"]!.AsArray()
            .Single(d => (string?)d!["name"] == name)!.DeepClone();
        if (edit is not null)
        {
            File.WriteAllText(path, edit(File.ReadAllText(path)));
            var bytes = File.ReadAllBytes(path);
            entry["files"]![0]!["bytes"] = bytes.Length;
            entry["files"]![0]!["sha256"] = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
        }
        File.WriteAllText(Path.Combine(root, "manifest.json"), new JsonObject { ["datasets"] = new JsonArray(entry) }.ToJsonString());
        return (DatasetManifest.Load(root), path, (string)entry["files"]![0]!["sha256"]!);
    }
}
