using System.IO.Compression;
using Microsoft.Data.Analysis;
using static TorchSharp.torch;

namespace Book.Data;

/// <summary>
/// A table of examples from a CSV file of <c>datasets/</c>, read with Microsoft.Data.Analysis's
/// <c>DataFrame.LoadCsv</c> after the file is checked against the manifest: numeric feature columns and
/// one target column. <see cref="Frame"/> is for looking at the data; <see cref="ToTensors"/> gives the
/// float32 features <c>[N, F]</c> and the targets a model trains on — int64 labels <c>[N]</c> for
/// classification, float32 values <c>[N, 1]</c> for regression. Chapters 03–07.
/// </summary>
public sealed class TabularDataset
{
    TabularDataset(DatasetEntry entry, DataFrame frame, string target)
    {
        Entry = entry;
        Frame = frame;
        Target = target;
        FeatureNames = frame.Columns.Select(c => c.Name).Where(n => n != target).ToList();
    }

    /// <summary>The manifest entry: name, source, licence, classes.</summary>
    public DatasetEntry Entry { get; }

    /// <summary>The whole table, target column included.</summary>
    public DataFrame Frame { get; }

    /// <summary>The name of the target column.</summary>
    public string Target { get; }

    /// <summary>The feature columns, in file order.</summary>
    public IReadOnlyList<string> FeatureNames { get; }

    /// <summary>Class names by label for classification; null for regression.</summary>
    public IReadOnlyList<string>? Classes => Entry.Classes;

    /// <summary>Loads the dataset named <paramref name="name"/> in <see cref="Datasets.Manifest"/>.</summary>
    public static TabularDataset Load(string name) => Load(Datasets.Manifest, name);

    /// <summary>Loads the dataset named <paramref name="name"/> in <paramref name="manifest"/>.</summary>
    public static TabularDataset Load(DatasetManifest manifest, string name)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var entry = manifest[name];
        string target = entry.Target ?? throw new InvalidDataException($"Dataset '{name}' names no target column in the manifest; expected \"target\".");
        var file = entry.Files is [var only] ? only
            : throw new InvalidDataException($"Dataset '{name}': expected one CSV file in the manifest, got {entry.Files.Count}.");
        string path = manifest.Verify(entry, file);
        using var csv = OpenDecompressed(path);
        var header = new StreamReader(csv, leaveOpen: true).ReadLine()?.Split(',')
            ?? throw new InvalidDataException($"{path}: expected a header line, got an empty file.");
        if (!header.Contains(target)) throw new InvalidDataException($"{path}: expected a column '{target}', got columns {string.Join(", ", header)}.");
        csv.Position = 0;
        var types = header.Select(column => column == target && entry.Classes is not null ? typeof(int) : typeof(double)).ToArray();
        var frame = DataFrame.LoadCsv(csv, header: true, dataTypes: types, cultureInfo: System.Globalization.CultureInfo.InvariantCulture);
        return new TabularDataset(entry, frame, target);
    }

    /// <summary>Features as float32 <c>[N, F]</c>; targets as int64 <c>[N]</c> (classification) or float32 <c>[N, 1]</c> (regression).</summary>
    public TensorDataset ToTensors()
    {
        long rows = Frame.Rows.Count;
        var features = new float[rows * FeatureNames.Count];
        for (int f = 0; f < FeatureNames.Count; f++)
        {
            var column = Frame.Columns[FeatureNames[f]];
            for (long r = 0; r < rows; r++) features[r * FeatureNames.Count + f] = Convert.ToSingle(column[r] ?? float.NaN);
        }
        var x = tensor(features, new[] { rows, (long)FeatureNames.Count }, ScalarType.Float32);
        var targetColumn = Frame.Columns[Target];
        var y = Classes is not null
            ? tensor(Enumerable.Range(0, (int)rows).Select(r => Convert.ToInt64(targetColumn[r])).ToArray(), ScalarType.Int64)
            : tensor(Enumerable.Range(0, (int)rows).Select(r => Convert.ToSingle(targetColumn[r])).ToArray(), new[] { rows, 1L }, ScalarType.Float32);
        return new TensorDataset(x, y);
    }

    /// <summary>"breast-cancer: 569 rows, 30 features, target 'target' (malignant, benign)".</summary>
    public override string ToString() =>
        $"{Entry.Name}: {Frame.Rows.Count} rows, {FeatureNames.Count} features, target '{Target}'"
        + (Classes is null ? " (regression)" : $" ({string.Join(", ", Classes)})");

    static MemoryStream OpenDecompressed(string path)
    {
        using var file = File.OpenRead(path);
        using Stream input = path.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(file, CompressionMode.Decompress) : file;
        var memory = new MemoryStream();
        input.CopyTo(memory);
        memory.Position = 0;
        return memory;
    }
}
