// Rebuilds the book's committed datasets and datasets/manifest.json from the Debian packages they
// come from. Run from the repository root on Debian 12:
//
//   apt-get install dataset-fashion-mnist dict-devil
//   apt-get download python3-sklearn && dpkg-deb -x python3-sklearn_*.deb /tmp/sklearn
//   dotnet run datasets/make-datasets.cs -- /tmp/sklearn/usr/lib/python3/dist-packages/sklearn/datasets/data
//
// The data lines of the CSV files are copied unchanged; only the header is rewritten (see "changes" in
// each manifest entry). The Fashion-MNIST subset is the first images of each Debian file, re-encoded; the text
// of The Devil's Dictionary is its entries A–H, copied unchanged from the Debian package dict-devil.
using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;

if (args.Length != 1 || !Directory.Exists(args[0]))
{
    Console.Error.WriteLine("usage: dotnet run datasets/make-datasets.cs -- <path to sklearn/datasets/data>");
    return 2;
}
string sklearn = args[0];
const string FashionMnist = "/usr/share/datasets/fashion-mnist";
const string SklearnSource = "scikit-learn 1.2.1, file sklearn/datasets/data/{0} of the Debian package python3-sklearn 1.2.1+dfsg-1";
const string SklearnLicence = "BSD-3-Clause, as distributed with scikit-learn (licences/scikit-learn-BSD-3-Clause.txt)";
const string HeaderChange = "scikit-learn's first line (row count, column count, class names) replaced by a header of column names; data lines unchanged";
Directory.SetCurrentDirectory("datasets");
var entries = new JsonArray();

string[] Lines(string file)
{
    using var raw = File.OpenRead(Path.Combine(sklearn, file));
    using Stream text = file.EndsWith(".gz") ? new GZipStream(raw, CompressionMode.Decompress) : raw;
    using var reader = new StreamReader(text);
    return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
}

void WriteCsv(string path, IEnumerable<string> header, IEnumerable<string> rows)
{
    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
    var text = string.Join(",", header) + "\n" + string.Join("", rows.Select(r => r + "\n"));
    var bytes = System.Text.Encoding.UTF8.GetBytes(text);
    if (path.EndsWith(".gz")) bytes = Gzip(bytes);
    File.WriteAllBytes(path, bytes);
}

byte[] Gzip(byte[] bytes)
{
    using var output = new MemoryStream();
    using (var gz = new GZipStream(output, CompressionLevel.SmallestSize)) gz.Write(bytes);
    return output.ToArray();
}

JsonObject FileEntry(string path) => new()
{
    ["file"] = path,
    ["bytes"] = new FileInfo(path).Length,
    ["sha256"] = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))),
};

JsonObject Add(string name, string title, string task, string[]? classes, string source, string licence, string? changes, params string[] files)
{
    var entry = new JsonObject { ["name"] = name, ["title"] = title, ["task"] = task };
    if (classes is not null) { entry["target"] = "target"; entry["classes"] = new JsonArray(classes.Select(c => (JsonNode)c!).ToArray()); }
    else if (task == "regression") entry["target"] = "target";
    entry["source"] = source;
    entry["licence"] = licence;
    if (changes is not null) entry["changes"] = changes;
    entry["files"] = new JsonArray(files.Select(f => (JsonNode)FileEntry(f)).ToArray());
    entries.Add((JsonNode)entry);
    return entry;
}

void SklearnCsv(string name, string title, string task, string sourceFile, string target, string[] features)
{
    var lines = Lines(sourceFile);
    string[] classes = lines[0].Split(',')[2..];
    WriteCsv(target, features.Append("target"), lines[1..]);
    Add(name, title, task, classes, string.Format(SklearnSource, sourceFile), SklearnLicence, HeaderChange, target);
}

SklearnCsv("iris", "Iris flowers (Fisher, 1936)", "classification", "iris.csv", "iris/iris.csv",
    new[] { "sepal length (cm)", "sepal width (cm)", "petal length (cm)", "petal width (cm)" });
SklearnCsv("wine", "Wine recognition (Forina et al., PARVUS; UCI)", "classification", "wine_data.csv", "wine/wine.csv",
    new[] { "alcohol", "malic_acid", "ash", "alcalinity_of_ash", "magnesium", "total_phenols", "flavanoids",
        "nonflavanoid_phenols", "proanthocyanins", "color_intensity", "hue", "od280/od315_of_diluted_wines", "proline" });
SklearnCsv("breast-cancer", "Breast Cancer Wisconsin (Diagnostic) (Wolberg, Street and Mangasarian, 1995; UCI)", "binary classification",
    "breast_cancer.csv", "breast-cancer/breast_cancer.csv",
    new[] { "mean", "error", "worst" }.SelectMany(kind => new[] { "radius", "texture", "perimeter", "area", "smoothness",
        "compactness", "concavity", "concave points", "symmetry", "fractal dimension" }
        .Select(f => kind == "mean" ? $"mean {f}" : kind == "error" ? $"{f} error" : $"worst {f}")).ToArray());

var digits = Lines("digits.csv.gz");
WriteCsv("digits/digits.csv.gz",
    Enumerable.Range(0, 64).Select(i => $"pixel_{i / 8}_{i % 8}").Append("target"), digits);
Add("digits", "Optical recognition of handwritten digits, 8×8 (Alpaydin and Kaynak, 1998; UCI test set)", "classification",
    Enumerable.Range(0, 10).Select(d => d.ToString(CultureInfo.InvariantCulture)).ToArray(),
    string.Format(SklearnSource, "digits.csv.gz"), SklearnLicence,
    "a header of column names added (pixel_row_column, 0–16 ink counts, and target); data lines unchanged", "digits/digits.csv.gz");

var diabetesX = Lines("diabetes_data_raw.csv.gz");
var diabetesY = Lines("diabetes_target.csv.gz");
WriteCsv("diabetes/diabetes.csv", new[] { "age", "sex", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6", "target" },
    diabetesX.Zip(diabetesY, (x, y) => string.Join(",", x.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        + "," + double.Parse(y, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture)));
Add("diabetes", "Diabetes progression, raw (unscaled) features (Efron, Hastie, Johnstone and Tibshirani, 2004)", "regression", null,
    string.Format(SklearnSource, "diabetes_data_raw.csv.gz and diabetes_target.csv.gz"), SklearnLicence,
    "features (space-separated) and target (one per line, 1.51e+02 notation) joined into one CSV with a header; values unchanged",
    "diabetes/diabetes.csv");

// Fashion-MNIST: the first images of each Debian file, same IDX format, gzip re-encoded.
void IdxSubset(string file, int count)
{
    using var input = new GZipStream(File.OpenRead(Path.Combine(FashionMnist, file)), CompressionMode.Decompress);
    using var all = new MemoryStream();
    input.CopyTo(all);
    byte[] idx = all.ToArray();
    int dims = idx[3];
    int itemSize = 1;
    for (int d = 1; d < dims; d++) itemSize *= ReadInt32(idx, 4 + 4 * d);
    int headerSize = 4 + 4 * dims;
    byte[] subset = idx[..(headerSize + count * itemSize)];
    subset[4] = (byte)(count >> 24); subset[5] = (byte)(count >> 16); subset[6] = (byte)(count >> 8); subset[7] = (byte)count;
    Directory.CreateDirectory("fashion-mnist");
    File.WriteAllBytes(Path.Combine("fashion-mnist", file), Gzip(subset));
}

static int ReadInt32(byte[] b, int at) => b[at] << 24 | b[at + 1] << 16 | b[at + 2] << 8 | b[at + 3];

string[] fashionFiles = { "train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz", "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz" };
string[] fashionClasses = { "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot" };
IdxSubset(fashionFiles[0], 2000);
IdxSubset(fashionFiles[1], 2000);
IdxSubset(fashionFiles[2], 500);
IdxSubset(fashionFiles[3], 500);
const string FashionSource = "Zalando Research, github.com/zalandoresearch/fashion-mnist, via the Debian package dataset-fashion-mnist 0.0~git20200523.55506a9-1";
const string FashionLicence = "MIT, Copyright (c) 2017 Zalando SE (licences/fashion-mnist-MIT.txt)";
Add("fashion-mnist", "Fashion-MNIST, subset: the first 2 000 training and 500 test images", "classification", fashionClasses,
    FashionSource, FashionLicence, "the first 2 000 (train) and 500 (t10k) items of each file; the IDX count field set accordingly; gzip re-encoded",
    fashionFiles.Select(f => "fashion-mnist/" + f).ToArray());
Add("fashion-mnist-full", "Fashion-MNIST, full: 60 000 training and 10 000 test images (installed by `apt-get install dataset-fashion-mnist`)",
    "classification", fashionClasses, FashionSource, FashionLicence, null,
    fashionFiles.Select(f => Path.Combine(FashionMnist, f)).ToArray())["install"] = "sudo apt-get install dataset-fashion-mnist";

// The Devil's Dictionary (chapter 10's character-level language model): dictd's database is gzip-readable text;
// keep the entries from the first A headword to the last H one, lines unchanged.
const string DevilsDictionary = "/usr/share/dictd/devil.dict.dz";
string[] devil;
using (var dict = new StreamReader(new GZipStream(File.OpenRead(DevilsDictionary), CompressionMode.Decompress)))
    devil = dict.ReadToEnd().Split('\n');
bool IsHeadword(string line, char letter) => line.Length > 3 && line[0] == letter && line.Contains(", ") && line[..line.IndexOf(", ")].All(c => char.IsUpper(c) || c is ' ' or '\'' or '-');
int firstA = Array.FindIndex(devil, l => IsHeadword(l, 'A'));
int firstI = Enumerable.Range(firstA, devil.Length - firstA).First(i => devil[i - 1] == "" && devil[i].StartsWith('I')); // "I is the first letter …"
Directory.CreateDirectory("devils-dictionary");
File.WriteAllText("devils-dictionary/devils-dictionary-a-h.txt", string.Join("\n", devil[firstA..firstI]).TrimEnd('\n') + "\n");
Add("devils-dictionary", "The Devil's Dictionary (Ambrose Bierce, 1911), the entries from A to H", "language modelling", null,
    "the Debian package dict-devil 1.0-13.1, file " + DevilsDictionary + " (the Internet Wiretap edition of 1993)",
    "public domain, copyright expired (licences/devils-dictionary-public-domain.txt)",
    "the dictd database header, the preface and the entries from I to Z left out; the lines kept are unchanged",
    "devils-dictionary/devils-dictionary-a-h.txt");

Add("gpl-3", "The GNU General Public License, version 3 (Free Software Foundation, 2007): 35 kB of English prose for a character-level language model",
    "text", null, "/usr/share/common-licenses/GPL-3 of Debian's base-files package, present on every Debian and Ubuntu system",
    "verbatim copying and distribution permitted, changes not allowed (the licence's own terms)", null,
    "/usr/share/common-licenses/GPL-3")["install"] = "part of the base-files package (installed everywhere; `sudo apt-get install --reinstall base-files` restores it)";

var manifest = new JsonObject
{
    ["about"] = "The book's datasets: every file with its size in bytes and SHA-256, checked by Book.Data.Datasets before use. "
        + "Paths are relative to this folder, except absolute ones (files installed by a Debian package). Written by make-datasets.cs.",
    ["datasets"] = entries,
};
File.WriteAllText("manifest.json", manifest.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n");
Console.WriteLine($"wrote {entries.Count} datasets to datasets/manifest.json");
return 0;
