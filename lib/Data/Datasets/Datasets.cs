namespace Book.Data;

/// <summary>
/// The book's datasets, loaded offline from the repository's <c>datasets/</c> folder and checked
/// against <c>datasets/manifest.json</c> (size and SHA-256) before use. <see cref="Root"/> is the
/// environment variable <c>BOOK_DATASETS</c> when set, otherwise the first <c>datasets/</c> folder with a
/// manifest found walking up from the current directory (chapters run in <c>chapters/</c>).
/// Nothing is downloaded: the full Fashion-MNIST comes from the Debian package <c>dataset-fashion-mnist</c>.
/// </summary>
public static partial class Datasets
{
    static DatasetManifest? manifest;

    /// <summary>The folder holding <c>manifest.json</c>.</summary>
    public static string Root => Manifest.Root;

    /// <summary>The manifest of <see cref="Root"/> (read once).</summary>
    public static DatasetManifest Manifest => manifest ??= DatasetManifest.Load(FindRoot(
        Environment.GetEnvironmentVariable("BOOK_DATASETS"), Directory.GetCurrentDirectory()));

    /// <summary>
    /// Where the datasets are: <paramref name="configured"/> (from <c>BOOK_DATASETS</c>) when given, otherwise
    /// the nearest <c>datasets/manifest.json</c> at or above <paramref name="start"/>.
    /// </summary>
    public static string FindRoot(string? configured, string start)
    {
        if (!string.IsNullOrWhiteSpace(configured))
            return File.Exists(Path.Combine(configured, "manifest.json")) ? Path.GetFullPath(configured)
                : throw new DirectoryNotFoundException($"BOOK_DATASETS is '{configured}', expected a folder holding manifest.json; it has none.");
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "datasets");
            if (File.Exists(Path.Combine(candidate, "manifest.json"))) return candidate;
        }
        throw new DirectoryNotFoundException(
            $"No datasets/manifest.json in {start} or any folder above it; run from inside the book's repository or set BOOK_DATASETS to its datasets folder.");
    }

    /// <summary>Iris: 150 flowers, 4 measurements, 3 species (chapters 03, 05).</summary>
    public static TabularDataset Iris() => TabularDataset.Load("iris");

    /// <summary>Wine: 178 wines, 13 chemical measurements, 3 cultivars.</summary>
    public static TabularDataset Wine() => TabularDataset.Load("wine");

    /// <summary>Breast cancer (Wisconsin diagnostic): 569 tumours, 30 features, malignant (0) or benign (1) — chapter 07's binary classifier.</summary>
    public static TabularDataset BreastCancer() => TabularDataset.Load("breast-cancer");

    /// <summary>Diabetes: 442 patients, 10 raw features, disease progression after one year — chapter 04's regression.</summary>
    public static TabularDataset Diabetes() => TabularDataset.Load("diabetes");

    /// <summary>Digits: 1 797 handwritten digits as 8×8 ink counts 0–16 (64 columns), labels 0–9 (chapter 08).</summary>
    public static TabularDataset Digits() => TabularDataset.Load("digits");

    /// <summary>
    /// The text of the GNU General Public License, version 3 — 35 kB of English prose that every Debian and Ubuntu
    /// system carries (<c>/usr/share/common-licenses/GPL-3</c>), checked against the manifest: chapter 12's
    /// character-level language model learns to write in its style.
    /// </summary>
    public static string GplText()
    {
        var entry = Manifest["gpl-3"];
        return File.ReadAllText(Manifest.Verify(entry, entry.Files.Single()));
    }

    /// <summary>
    /// Fashion-MNIST (chapter 08): the committed subset of 2 000 training and 500 test images by default;
    /// with <paramref name="full"/>, the 60 000 + 10 000 images of the Debian package <c>dataset-fashion-mnist</c>.
    /// A chapter asks for the full set in its larger setting when the package is there:
    /// <c>FashionMnist(full: RunSize.IsLarge &amp;&amp; FullFashionMnistInstalled)</c>.
    /// </summary>
    public static ImageDataset FashionMnist(bool full = false) => ImageDataset.Load(full ? "fashion-mnist-full" : "fashion-mnist");

    /// <summary>Whether Debian's <c>dataset-fashion-mnist</c> has put the full Fashion-MNIST where the manifest expects it.</summary>
    public static bool FullFashionMnistInstalled => Manifest.IsPresent("fashion-mnist-full");
}
