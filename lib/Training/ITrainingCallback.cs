using static TorchSharp.torch;

namespace Book.Training;

/// <summary>
/// Something the <see cref="Trainer"/> consults after every epoch and once at the end, such as
/// <see cref="EarlyStopping"/> (chapter 07).
/// </summary>
public interface ITrainingCallback
{
    /// <summary>Called after each epoch, once its record is in <paramref name="history"/>.</summary>
    /// <returns>A reason to stop training now, or null to go on.</returns>
    string? OnEpochEnd(nn.Module model, History history);

    /// <summary>Called once when training ends, whether it ran every epoch or stopped early.</summary>
    void OnTrainEnd(nn.Module model, History history);
}
