using Book.Metrics;
using static TorchSharp.torch;

namespace Book.Training;

/// <summary>
/// A quantity the <see cref="Trainer"/> reports next to the loss for every epoch (chapter 07).
/// It is computed batch by batch from the model's output and the targets, as a one-element tensor left
/// on the model's device (so training never waits for the device to report a number), and the epoch's
/// value is the mean over batches weighted by batch size: exact for accuracy, an approximation for
/// ratios such as F1 (compute those once on <see cref="Trainer.Predict(IEnumerable{ValueTuple{Tensor, Tensor}})"/>'s output).
/// </summary>
/// <param name="Name">The name shown in progress lines and the <see cref="History"/>, e.g. "accuracy".</param>
/// <param name="Compute">(model output, targets) → the metric's mean over the batch, a one-element tensor.</param>
public sealed record TrainingMetric(string Name, Func<Tensor, Tensor, Tensor> Compute)
{
    /// <summary>
    /// Accuracy, (1/N) Σᵢ [ŷᵢ = yᵢ], of class labels read from the outputs (<see cref="ClassLabels"/>): argmax of
    /// K scores, or one score against 0 for logits (against 0.5 with <paramref name="outputsAreProbabilities"/>, after a sigmoid).
    /// </summary>
    public static TrainingMetric Accuracy(bool outputsAreProbabilities = false) => new("accuracy", (outputs, targets) =>
    {
        var predicted = outputsAreProbabilities ? ClassLabels.FromProbabilities(outputs) : ClassLabels.FromLogits(outputs);
        return predicted.eq(targets.reshape(predicted.shape)).to_type(ScalarType.Float64).mean();
    });
}
