namespace Book.Training;

/// <summary>
/// What one epoch of training produced: the mean training loss and metrics and, when validation data
/// was given, the same on it under the prefix <c>val_</c> (as Keras names them), e.g.
/// <c>loss</c>, <c>accuracy</c>, <c>val_loss</c>, <c>val_accuracy</c>.
/// </summary>
/// <param name="Epoch">The epoch's number, counted from 1.</param>
/// <param name="Values">Each quantity by name, in the order the trainer computed them.</param>
public sealed record EpochRecord(int Epoch, IReadOnlyDictionary<string, double> Values)
{
    /// <summary>The value named <paramref name="name"/>; the error lists the names that exist.</summary>
    public double this[string name] => Values.TryGetValue(name, out var value) ? value
        : throw new KeyNotFoundException($"Epoch {Epoch} recorded {string.Join(", ", Values.Keys)}; there is no '{name}'.");
}
