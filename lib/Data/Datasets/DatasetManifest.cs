using System.Security.Cryptography;
using System.Text.Json;

namespace Book.Data;

/// <summary>
/// <c>datasets/manifest.json</c>: every dataset the book uses, with its source, licence and, for each
/// file, the size in bytes and SHA-256 it must have. <see cref="Verify"/> checks a file against it before
/// any loader reads the file, so a damaged, truncated or swapped file fails with a message that says
/// which file, what was found and what was expected — never with a mysterious shape error three cells later.
/// </summary>
public sealed class DatasetManifest
{
    static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    DatasetManifest(string root, IReadOnlyList<DatasetEntry> entries)
    {
        Root = root;
        Entries = entries;
    }

    /// <summary>The folder holding <c>manifest.json</c>; relative file paths start here.</summary>
    public string Root { get; }

    /// <summary>Every dataset, in the manifest's order.</summary>
    public IReadOnlyList<DatasetEntry> Entries { get; }

    /// <summary>Reads <c>manifest.json</c> in <paramref name="root"/>.</summary>
    public static DatasetManifest Load(string root)
    {
        string path = Path.Combine(root, "manifest.json");
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: not found; expected the book's dataset manifest there.", path);
        ManifestDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<ManifestDocument>(File.ReadAllText(path), Json);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException(
                $"{path}: expected the book's dataset manifest (a JSON object with a \"datasets\" array), found "
                + (e.LineNumber is { } line ? $"invalid JSON at line {line + 1}, byte {e.BytePositionInLine + 1}{(e.Path is { Length: > 1 } at ? $" ({at})" : "")}" : "invalid JSON")
                + "; restore it with `git checkout -- datasets/manifest.json`.", e);
        }
        if (document?.Datasets is null)
            throw new InvalidDataException($"{path}: expected a JSON object with a \"datasets\" array, found {(document is null ? "null" : "no \"datasets\"")}.");
        return new DatasetManifest(root, document.Datasets);
    }

    /// <summary>The entry named <paramref name="name"/> (e.g. "fashion-mnist").</summary>
    public DatasetEntry this[string name] => Entries.FirstOrDefault(e => e.Name == name)
        ?? throw new KeyNotFoundException(
            $"No dataset '{name}' in {Path.Combine(Root, "manifest.json")}; expected one of: {string.Join(", ", Entries.Select(e => e.Name))}.");

    /// <summary>
    /// The full path of <paramref name="file"/> after checking that it exists and has the manifest's size
    /// and SHA-256; otherwise an <see cref="InvalidDataException"/> (or <see cref="FileNotFoundException"/>)
    /// naming the file, the value found and the value expected.
    /// </summary>
    public string Verify(DatasetEntry entry, DatasetFile file)
    {
        string path = PathOf(file);
        string shown = Path.IsPathRooted(file.File) ? file.File : "datasets/" + file.File;
        string fromRepository = $"restore it from the book's repository (`git checkout -- {shown}`)";
        string restore = entry.Install is { } reinstall
            ? $"reinstall it (`{reinstall.Replace("apt-get install", "apt-get install --reinstall", StringComparison.Ordinal)}`)"
            : fromRepository;
        if (!File.Exists(path))
        {
            string how = entry.Install is { } install ? $"install it with `{install}`" : fromRepository;
            throw new FileNotFoundException($"{shown}: not found; the manifest lists it for '{entry.Name}' — {how}.", path);
        }
        long bytes = new FileInfo(path).Length;
        if (bytes != file.Bytes)
            throw new InvalidDataException(
                $"{shown}: size is {bytes} bytes, expected {file.Bytes} bytes with SHA-256 {file.Sha256} (manifest); " +
                $"the file is truncated, damaged or was replaced — {restore}.");
        string sha256;
        using (var stream = File.OpenRead(path)) sha256 = Convert.ToHexStringLower(SHA256.HashData(stream));
        if (!string.Equals(sha256, file.Sha256, StringComparison.OrdinalIgnoreCase))
            throw new InvalidDataException(
                $"{shown}: SHA-256 is {sha256}, expected {file.Sha256} (manifest); the file is damaged or was replaced — {restore}.");
        return path;
    }

    /// <summary>Whether every file of the dataset <paramref name="name"/> exists (e.g. whether a Debian package is installed); nothing is verified.</summary>
    public bool IsPresent(string name) => this[name].Files.All(f => File.Exists(PathOf(f)));

    string PathOf(DatasetFile file) => Path.IsPathRooted(file.File) ? file.File : Path.Combine(Root, file.File);

    sealed record ManifestDocument(IReadOnlyList<DatasetEntry> Datasets);
}

/// <summary>One dataset of the manifest: what it is, where it comes from, under which licence, and its files.</summary>
/// <param name="Name">The name loaders use, e.g. "breast-cancer".</param>
/// <param name="Title">What it is, with its authors.</param>
/// <param name="Task">"classification", "binary classification" or "regression".</param>
/// <param name="Target">The column holding the target, for tables.</param>
/// <param name="Classes">Class names by label (label 0 first); null for regression.</param>
/// <param name="Source">Where the files were taken from.</param>
/// <param name="Licence">The licence they are distributed under.</param>
/// <param name="Changes">What the book changed, if anything.</param>
/// <param name="Install">For files outside the repository: the command that installs them.</param>
/// <param name="Files">The files and their checksums.</param>
public sealed record DatasetEntry(
    string Name, string Title, string Task, string? Target, IReadOnlyList<string>? Classes,
    string Source, string Licence, string? Changes, string? Install, IReadOnlyList<DatasetFile> Files)
{
    /// <summary>The file of this dataset whose path ends with <paramref name="suffix"/>.</summary>
    public DatasetFile File(string suffix) => Files.FirstOrDefault(f => f.File.EndsWith(suffix, StringComparison.Ordinal))
        ?? throw new KeyNotFoundException(
            $"Dataset '{Name}' has no file ending in '{suffix}'; expected one of: {string.Join(", ", Files.Select(f => f.File))}.");
}

/// <summary>A file of a dataset: its path (relative to <c>datasets/</c>, or absolute), size in bytes and SHA-256 in hex.</summary>
public sealed record DatasetFile(string File, long Bytes, string Sha256);
