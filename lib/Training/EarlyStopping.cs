using Book.Display;
using static TorchSharp.torch;

namespace Book.Training;

/// <summary>
/// Stops training when a monitored quantity has not improved for <c>patience</c> epochs, and puts back
/// the weights of the best epoch (chapter 07). "Improved" means lower by more than <c>minDelta</c> for
/// a loss, higher by more than <c>minDelta</c> for anything else (accuracy, F1, AUC).
/// </summary>
public sealed class EarlyStopping : ITrainingCallback
{
    Dictionary<string, Tensor>? bestWeights;
    int epochsWithoutImprovement;

    /// <summary>Watches <paramref name="monitor"/> (by default the validation loss).</summary>
    /// <param name="monitor">A name the <see cref="History"/> records, e.g. "val_loss" or "val_accuracy".</param>
    /// <param name="patience">Epochs without improvement tolerated before stopping.</param>
    /// <param name="minDelta">The smallest change that counts as an improvement.</param>
    /// <param name="restoreBestWeights">Whether to load the best epoch's weights back when training ends.</param>
    /// <param name="higherIsBetter">Direction of improvement; by default lower is better for names ending in "loss".</param>
    public EarlyStopping(string monitor = "val_loss", int patience = 3, double minDelta = 0, bool restoreBestWeights = true, bool? higherIsBetter = null)
    {
        if (patience < 1) throw new ArgumentOutOfRangeException(nameof(patience), patience, "Expected a patience of at least 1 epoch.");
        if (minDelta < 0) throw new ArgumentOutOfRangeException(nameof(minDelta), minDelta, "Expected a non-negative minimum change.");
        Monitor = monitor;
        Patience = patience;
        MinDelta = minDelta;
        RestoreBestWeights = restoreBestWeights;
        HigherIsBetter = higherIsBetter ?? !monitor.EndsWith("loss", StringComparison.Ordinal);
    }

    /// <summary>The quantity watched.</summary>
    public string Monitor { get; }
    /// <summary>Epochs without improvement tolerated.</summary>
    public int Patience { get; }
    /// <summary>The smallest change that counts as an improvement.</summary>
    public double MinDelta { get; }
    /// <summary>Whether the best epoch's weights are loaded back at the end.</summary>
    public bool RestoreBestWeights { get; }
    /// <summary>True when larger values are better (accuracy), false when smaller are (loss).</summary>
    public bool HigherIsBetter { get; }
    /// <summary>The epoch with the best value so far (0 before the first epoch).</summary>
    public int BestEpoch { get; private set; }
    /// <summary>The best value so far.</summary>
    public double BestValue { get; private set; }

    /// <inheritdoc />
    public string? OnEpochEnd(nn.Module model, History history)
    {
        var record = history.Epochs[^1];
        if (!record.Values.TryGetValue(Monitor, out double value))
            throw new InvalidOperationException(
                $"Early stopping monitors '{Monitor}', but the epochs record only {string.Join(", ", record.Values.Keys)}" +
                (Monitor.StartsWith("val_", StringComparison.Ordinal) ? ": pass validation data to Fit." : "."));
        if (history.Epochs.Count == 1) BestEpoch = 0;
        if (BestEpoch == 0 || Improves(value))
        {
            BestEpoch = record.Epoch;
            BestValue = value;
            epochsWithoutImprovement = 0;
            if (RestoreBestWeights) KeepWeights(model);
            return null;
        }
        return ++epochsWithoutImprovement < Patience ? null
            : $"early stopping: {Monitor} did not improve for {Patience} epoch{(Patience == 1 ? "" : "s")}; " +
              $"best {BookFormatters.FormatNumber(BestValue)} at epoch {BestEpoch}{(RestoreBestWeights ? ", whose weights were restored" : "")}";
    }

    /// <inheritdoc />
    public void OnTrainEnd(nn.Module model, History history)
    {
        if (bestWeights is null) return;
        model.load_state_dict(bestWeights);
        ForgetWeights();
    }

    bool Improves(double value) => HigherIsBetter ? value > BestValue + MinDelta : value < BestValue - MinDelta;

    void KeepWeights(nn.Module model)
    {
        ForgetWeights();
        using var scope = NewDisposeScope();
        bestWeights = model.state_dict().ToDictionary(p => p.Key, p => p.Value.detach().clone().DetachFromDisposeScope());
    }

    void ForgetWeights()
    {
        foreach (var tensor in bestWeights?.Values ?? Enumerable.Empty<Tensor>()) tensor.Dispose();
        bestWeights = null;
    }
}
