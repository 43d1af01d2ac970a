namespace Book.Data;

/// <summary>
/// Words labelled with a class, from a CSV file <c>word,label,split</c> of <c>datasets/</c> checked against
/// the manifest first: chapter 09's "which language is this word from?" (<see cref="Datasets.WordLanguages"/>).
/// The split is part of the file, so the test words are the same on every machine and in every run.
/// Labels are indices into <see cref="Classes"/>, the manifest's class names.
/// </summary>
public sealed class WordDataset
{
    WordDataset(DatasetEntry entry, IReadOnlyList<string> classes, IReadOnlyList<LabelledWord> train, IReadOnlyList<LabelledWord> test)
    {
        Entry = entry;
        Classes = classes;
        Train = train;
        Test = test;
    }

    /// <summary>The manifest entry: name, source, licence.</summary>
    public DatasetEntry Entry { get; }

    /// <summary>Class names by label.</summary>
    public IReadOnlyList<string> Classes { get; }

    /// <summary>The training words, in file order.</summary>
    public IReadOnlyList<LabelledWord> Train { get; }

    /// <summary>The test words, in file order.</summary>
    public IReadOnlyList<LabelledWord> Test { get; }

    /// <summary>Loads the dataset named <paramref name="name"/> in <see cref="Datasets.Manifest"/>.</summary>
    public static WordDataset Load(string name) => Load(Datasets.Manifest, name);

    /// <summary>Loads the dataset named <paramref name="name"/> in <paramref name="manifest"/>.</summary>
    public static WordDataset Load(DatasetManifest manifest, string name)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var entry = manifest[name];
        var classes = entry.Classes ?? throw new InvalidDataException($"Dataset '{name}' lists no classes in the manifest; expected the label names.");
        var file = entry.Files is [var only] ? only
            : throw new InvalidDataException($"Dataset '{name}': expected one CSV file in the manifest, got {entry.Files.Count}.");
        string path = manifest.Verify(entry, file);
        var lines = File.ReadAllLines(path);
        string header = $"word,{entry.Target},split";
        if (lines.Length == 0 || lines[0] != header)
            throw new InvalidDataException($"{path}: expected the header '{header}', got '{lines.FirstOrDefault()}'.");
        var labels = classes.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i, StringComparer.Ordinal);
        var parts = new Dictionary<string, List<LabelledWord>>(StringComparer.Ordinal) { ["train"] = [], ["test"] = [] };
        for (int n = 1; n < lines.Length; n++)
        {
            var fields = lines[n].Split(',');
            if (fields.Length != 3 || fields[0].Length == 0 || !labels.TryGetValue(fields[1], out int label) || !parts.TryGetValue(fields[2], out var part))
                throw new InvalidDataException(
                    $"{path}, line {n + 1}: expected 'word,<one of {string.Join("|", classes)}>,<train|test>', got '{lines[n]}'.");
            part.Add(new LabelledWord(fields[0], label));
        }
        return new WordDataset(entry, classes, parts["train"], parts["test"]);
    }

    /// <summary>"word-languages: 9600 training and 2400 test words, 6 classes (english, german, …)".</summary>
    public override string ToString() =>
        $"{Entry.Name}: {Train.Count} training and {Test.Count} test words, {Classes.Count} classes ({string.Join(", ", Classes)})";
}

/// <summary>A word and the index of its class.</summary>
public sealed record LabelledWord(string Word, int Label);
