namespace Book.Training;

/// <summary>
/// The record of a training run, one <see cref="EpochRecord"/> per epoch (chapter 07): what a loss
/// curve is drawn from and what early stopping reads. Shown as a table in notebooks.
/// </summary>
public sealed class History
{
    readonly List<EpochRecord> epochs = new();

    /// <summary>The epochs run so far, in order.</summary>
    public IReadOnlyList<EpochRecord> Epochs => epochs;

    /// <summary>The quantities recorded, e.g. loss, accuracy, val_loss, val_accuracy.</summary>
    public IReadOnlyList<string> Names => epochs.Count == 0 ? [] : epochs[0].Values.Keys.ToList();

    /// <summary>Why training stopped before its last epoch (early stopping), or null when it ran them all.</summary>
    public string? StopReason { get; internal set; }

    /// <summary>The series of one quantity over the epochs, e.g. <c>history["val_loss"]</c>.</summary>
    public double[] this[string name] => epochs.Select(e => e[name]).ToArray();

    /// <summary>Appends an epoch's record.</summary>
    public void Add(EpochRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (epochs.Count > 0 && !record.Values.Keys.SequenceEqual(epochs[0].Values.Keys))
            throw new ArgumentException(
                $"Expected the quantities [{string.Join(", ", Names)}], got [{string.Join(", ", record.Values.Keys)}].", nameof(record));
        epochs.Add(record);
    }
}
