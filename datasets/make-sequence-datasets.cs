// Rebuilds chapter 09's two sequence datasets and their entries in datasets/manifest.json (the other
// entries are kept) from the Debian packages they come from. Run from the repository root on Debian 12:
//
//   sudo apt-get install wamerican wngerman wfrench witalian wspanish wdutch
//   apt-get download python3-statsmodels && dpkg-deb -x python3-statsmodels_*.deb /tmp/statsmodels
//   dotnet run datasets/make-sequence-datasets.cs -- /tmp/statsmodels
//
// word-languages: words of six Debian word lists, lower-cased; kept are words of 3–12 letters (no digits,
// apostrophes or hyphens) that occur in exactly one of the six lists, so every word has one right answer.
// Per language, the words are ordered by the SHA-256 of "language:word" — a fixed pseudo-random order
// that needs no random generator — and the first WordsPerLanguage are kept; the first fifth of them is
// the test split. mauna-loa-co2: statsmodels' copy of the Mauna Loa weekly CO2 series, unchanged.
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

string co2 = args.Length == 1 ? Path.GetFullPath(Path.Combine(args[0], "usr/lib/python3/dist-packages/statsmodels/datasets/co2")) : "";
if (!File.Exists(Path.Combine(co2, "co2.csv")))
{
    Console.Error.WriteLine("usage: dotnet run datasets/make-sequence-datasets.cs -- <folder where python3-statsmodels_*.deb was extracted>");
    return 2;
}
string statsmodels = StatsmodelsVersion(args[0]);
const int WordsPerLanguage = 2000;
const int TestPerLanguage = WordsPerLanguage / 5;
(string Language, string Package, string File)[] lists =
[
    ("english", "wamerican", "american-english"), ("german", "wngerman", "ngerman"), ("french", "wfrench", "french"),
    ("italian", "witalian", "italian"), ("spanish", "wspanish", "spanish"), ("dutch", "wdutch", "dutch"),
];
Directory.SetCurrentDirectory("datasets");
Directory.CreateDirectory("licences");

// Every list's usable words, then the words that belong to one list only.
var words = lists.ToDictionary(l => l.Language, l => File.ReadLines(Path.Combine("/usr/share/dict", l.File), Encoding.UTF8)
    .Select(w => w.Trim().ToLowerInvariant())
    .Where(w => w.Length is >= 3 and <= 12 && w.All(char.IsLetter))
    .ToHashSet(StringComparer.Ordinal));
var listsPerWord = words.Values.SelectMany(s => s).GroupBy(w => w, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count());
var rows = new StringBuilder("word,language,split\n");
foreach (var (language, _, _) in lists)
{
    var chosen = words[language].Where(w => listsPerWord[w] == 1)
        .OrderBy(w => Hex(SHA256.HashData(Encoding.UTF8.GetBytes($"{language}:{w}"))), StringComparer.Ordinal)
        .Take(WordsPerLanguage).ToList();
    if (chosen.Count < WordsPerLanguage) throw new InvalidDataException($"{language}: only {chosen.Count} words qualify, expected {WordsPerLanguage}.");
    for (int i = 0; i < chosen.Count; i++) rows.Append($"{chosen[i]},{language},{(i < TestPerLanguage ? "test" : "train")}\n");
}
Directory.CreateDirectory("word-languages");
File.WriteAllText("word-languages/words.csv", rows.ToString(), new UTF8Encoding(false));
foreach (var (_, package, _) in lists) File.Copy($"/usr/share/doc/{package}/copyright", $"licences/{package}-copyright.txt", overwrite: true);
File.Copy("/usr/share/common-licenses/GPL-2", "licences/GPL-2.txt", overwrite: true);
File.Copy("/usr/share/common-licenses/GPL-3", "licences/GPL-3.txt", overwrite: true);

// The CO2 series, unchanged, with statsmodels' description of it (its licence statement and source).
Directory.CreateDirectory("mauna-loa-co2");
File.Copy(Path.Combine(co2, "co2.csv"), "mauna-loa-co2/co2.csv", overwrite: true);
string description = File.ReadAllText(Path.Combine(co2, "data.py"));
File.WriteAllText("licences/mauna-loa-co2-statsmodels.txt",
    "From statsmodels/datasets/co2/data.py (Debian package python3-statsmodels " + statsmodels + "):\n\n"
    + string.Join("\n\n", new[] { "TITLE", "COPYRIGHT", "SOURCE", "DESCRLONG" }.Select(name =>
        $"{name}:\n{Regex.Match(description, name + @"\s*=\s*""""""(.*?)""""""", RegexOptions.Singleline).Groups[1].Value.Trim()}")) + "\n");

const string Licences = "english: SCOWL's permissive licence (licences/wamerican-copyright.txt); german: GPL-2+ (licences/wngerman-copyright.txt); "
    + "french: GPL-2+ (licences/wfrench-copyright.txt); italian: GPL-3+ (licences/witalian-copyright.txt); spanish: public domain "
    + "(licences/wspanish-copyright.txt); dutch: BSD or CC BY 3.0 (licences/wdutch-copyright.txt); GPL texts in licences/GPL-2.txt, licences/GPL-3.txt";
var entries = new[]
{
    new JsonObject
    {
        ["name"] = "word-languages",
        ["title"] = $"Words of six languages: {WordsPerLanguage} per language from Debian's word lists",
        ["task"] = "classification",
        ["target"] = "language",
        ["classes"] = new JsonArray(lists.Select(l => (JsonNode)l.Language).ToArray()),
        ["source"] = "Debian 12 word lists in /usr/share/dict: " + string.Join(", ", lists.Select(l => $"{l.Package} {Version(l.Package)}")),
        ["licence"] = Licences,
        ["changes"] = "lower-cased; only words of 3–12 letters found in exactly one of the six lists; per language the first "
            + $"{WordsPerLanguage} in SHA-256 order of \"language:word\", the first {TestPerLanguage} of them marked test (make-sequence-datasets.cs)",
        ["files"] = new JsonArray(FileEntry("word-languages/words.csv")),
    },
    new JsonObject
    {
        ["name"] = "mauna-loa-co2",
        ["title"] = "Atmospheric CO2 at Mauna Loa, weekly means, March 1958 – December 2001 (Keeling and Whorf, Scripps/CDIAC)",
        ["task"] = "forecasting",
        ["target"] = "co2",
        ["source"] = "statsmodels 0.13.5, file statsmodels/datasets/co2/co2.csv of the Debian package python3-statsmodels " + statsmodels,
        ["licence"] = "public domain, as statsmodels states (licences/mauna-loa-co2-statsmodels.txt)",
        ["changes"] = "none: date (YYYYMMDD, weeks ending on Saturday) and co2 (ppm by volume), 59 weeks without a value",
        ["files"] = new JsonArray(FileEntry("mauna-loa-co2/co2.csv")),
    },
};

// Replace these entries in the manifest (or append them), keeping every other entry as it is.
var manifest = JsonNode.Parse(File.ReadAllText("manifest.json"))!.AsObject();
var datasets = manifest["datasets"]!.AsArray();
foreach (var entry in entries)
{
    var old = datasets.FirstOrDefault(d => (string?)d!["name"] == (string?)entry["name"]);
    if (old is null) datasets.Add((JsonNode)entry);
    else datasets[datasets.IndexOf(old)] = entry;
}
File.WriteAllText("manifest.json", manifest.ToJsonString(new JsonSerializerOptions
    { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n");
Console.WriteLine($"wrote word-languages ({lists.Length} × {WordsPerLanguage} words) and mauna-loa-co2 into datasets/manifest.json");
return 0;

static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);

static JsonObject FileEntry(string path) => new()
{
    ["file"] = path,
    ["bytes"] = new FileInfo(path).Length,
    ["sha256"] = Hex(SHA256.HashData(File.ReadAllBytes(path))),
};

// The package version from the first line of its Debian changelog: "statsmodels (0.13.5+dfsg-7) unstable; …".
static string StatsmodelsVersion(string root)
{
    using var changelog = new System.IO.Compression.GZipStream(
        File.OpenRead(Path.Combine(root, "usr/share/doc/python3-statsmodels/changelog.Debian.gz")), System.IO.Compression.CompressionMode.Decompress);
    string first = new StreamReader(changelog).ReadLine() ?? "";
    return Regex.Match(first, @"\(([^)]+)\)").Groups[1].Value is { Length: > 0 } version ? version
        : throw new InvalidDataException($"Expected a Debian changelog line 'statsmodels (version) …', got '{first}'.");
}

static string Version(string package)
{
    using var query = Process.Start(new ProcessStartInfo("dpkg-query", ["-W", "-f=${Version}", package]) { RedirectStandardOutput = true })!;
    string version = query.StandardOutput.ReadToEnd().Trim();
    query.WaitForExit();
    return query.ExitCode == 0 && version.Length > 0 ? version
        : throw new InvalidOperationException($"dpkg-query found no installed package {package}; install it first (see the top of this file).");
}
