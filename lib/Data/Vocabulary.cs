namespace Book.Data;

/// <summary>
/// The bijection between tokens and integer ids that an embedding layer needs. Id 0 is
/// <see cref="Pad"/> (<c>&lt;pad&gt;</c>, what <see cref="SequencePadding.PadSequences"/> fills with) and id 1 is
/// <see cref="Unknown"/> (<c>&lt;unk&gt;</c>, what every token outside the vocabulary encodes to); the
/// other tokens follow, most frequent first (ties in order of first appearance), so the ids are
/// deterministic. Decoding the encoding of known tokens gives them back. Chapters 09 and 10.
/// </summary>
public sealed class Vocabulary
{
    /// <summary>The padding token.</summary>
    public const string Pad = "<pad>";
    /// <summary>The token that stands for anything not in the vocabulary.</summary>
    public const string Unknown = "<unk>";
    /// <summary>The id of <see cref="Pad"/>.</summary>
    public const long PadIndex = 0;
    /// <summary>The id of <see cref="Unknown"/>.</summary>
    public const long UnknownIndex = 1;

    readonly List<string> tokens = new() { Pad, Unknown };
    readonly Dictionary<string, long> ids = new(StringComparer.Ordinal) { [Pad] = PadIndex, [Unknown] = UnknownIndex };

    /// <summary>A vocabulary of exactly <paramref name="tokens"/> in this order, after the two special tokens.</summary>
    public Vocabulary(IEnumerable<string> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        foreach (var token in tokens)
        {
            ArgumentNullException.ThrowIfNull(token, nameof(tokens));
            if (ids.ContainsKey(token))
                throw new ArgumentException($"Expected distinct tokens, got '{token}' twice (or a special token).", nameof(tokens));
            ids[token] = this.tokens.Count;
            this.tokens.Add(token);
        }
    }

    /// <summary>
    /// Counts <paramref name="corpus"/> and keeps the tokens seen at least <paramref name="minCount"/> times,
    /// most frequent first; <paramref name="maxSize"/> caps the size including the two special tokens.
    /// </summary>
    public static Vocabulary Build(IEnumerable<string> corpus, int minCount = 1, int? maxSize = null)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentOutOfRangeException.ThrowIfLessThan(minCount, 1);
        if (maxSize is < 2)
            throw new ArgumentOutOfRangeException(nameof(maxSize), maxSize, "Expected maxSize ≥ 2 (it counts <pad> and <unk>).");
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var firstSeen = new List<string>();
        foreach (var token in corpus)
        {
            if (token is Pad or Unknown) continue;
            if (counts.TryGetValue(token, out int c)) counts[token] = c + 1;
            else { counts[token] = 1; firstSeen.Add(token); }
        }
        var kept = firstSeen.Where(t => counts[t] >= minCount).OrderByDescending(t => counts[t]); // stable: ties keep first-seen order
        return new Vocabulary(maxSize is { } max ? kept.Take(max - 2) : kept);
    }

    /// <summary>The number of ids, special tokens included.</summary>
    public int Count => tokens.Count;

    /// <summary>Every token, by id.</summary>
    public IReadOnlyList<string> Tokens => tokens;

    /// <summary>The id of <paramref name="token"/>, or <see cref="UnknownIndex"/> when it is not in the vocabulary.</summary>
    public long this[string token] => ids.TryGetValue(token, out long id) ? id : UnknownIndex;

    /// <summary>The token with id <paramref name="id"/>.</summary>
    public string this[long id] => id >= 0 && id < tokens.Count ? tokens[(int)id]
        : throw new ArgumentOutOfRangeException(nameof(id), id, $"Expected an id in [0, {tokens.Count}), got {id}.");

    /// <summary>Whether <paramref name="token"/> has its own id.</summary>
    public bool Contains(string token) => ids.ContainsKey(token);

    /// <summary>The ids of <paramref name="sequence"/>.</summary>
    public long[] Encode(IEnumerable<string> sequence) => sequence.Select(t => this[t]).ToArray();

    /// <summary>The tokens of <paramref name="sequence"/>, leaving out <see cref="Pad"/>.</summary>
    public IReadOnlyList<string> Decode(IEnumerable<long> sequence) =>
        sequence.Where(id => id != PadIndex).Select(id => this[id]).ToList();

    /// <summary>"Vocabulary: 12 tokens (&lt;pad&gt;, &lt;unk&gt;, the, …)".</summary>
    public override string ToString() =>
        $"Vocabulary: {Count} tokens ({string.Join(", ", tokens.Take(8))}{(Count > 8 ? ", …" : "")})";
}
