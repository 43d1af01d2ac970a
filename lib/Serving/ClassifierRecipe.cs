using Book.Data;
using Book.Metrics;
using Book.Models;
using Book.Runtime;
using Book.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Book.Serving;

/// <summary>
/// How the book trains chapter 7's classifier, written once so that chapter 12 can train the same model from
/// a fresh clone in seconds: the source article 000's network — inputs → 64 → 64 → 1 logit, ReLU, Adam with
/// learning rate 10⁻³, mini-batches of 32, 100 epochs — on a real table (breast cancer: 30 features), with a
/// seeded split into training, validation and test rows and features standardised with the training rows'
/// μ and σ. The loss is binary cross-entropy on the logit, −[y log σ(f) + (1 − y) log(1 − σ(f))].
/// </summary>
/// <param name="HiddenSizes">Widths of the hidden layers.</param>
/// <param name="LearningRate">Adam's step size.</param>
/// <param name="BatchSize">Rows per mini-batch.</param>
/// <param name="Epochs">Passes over the training rows.</param>
/// <param name="ValidationShare">Share of the rows held out for validation.</param>
/// <param name="TestShare">Share of the rows held out for the final test.</param>
public sealed record ClassifierRecipe(int[] HiddenSizes, double LearningRate = 1e-3, int BatchSize = 32, int Epochs = 100,
    double ValidationShare = 0.2, double TestShare = 0.2)
{
    /// <summary>Source 000's recipe: two hidden layers of 64.</summary>
    public static ClassifierRecipe Source000 { get; } = new([64, 64]);

    /// <summary>Trains on <paramref name="data"/> (a binary classification table); call <c>Reproducibility.Seed</c> first for a repeatable run.</summary>
    public TrainedClassifier Train(TabularDataset data, bool showProgress = false)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Classes is not { Count: 2 } classes)
            throw new ArgumentException($"Expected a binary classification dataset, got {data}.", nameof(data));
        using var all = data.ToTensors();
        var split = TrainValidationTestSplit.Split(all, ValidationShare, TestShare);
        int[] sizes = [data.FeatureNames.Count, .. HiddenSizes, 1];
        var standardizer = Standardizer.Fit(split.Train.X);
        var model = new Mlp(sizes);
        using var xTrain = standardizer.Transform(split.Train.X);
        using var xValidation = standardizer.Transform(split.Validation.X);
        using var yTrain = split.Train.Y.to_type(ScalarType.Float32).unsqueeze(1);
        using var yValidation = split.Validation.Y.to_type(ScalarType.Float32).unsqueeze(1);
        var trainer = new Trainer(model, (logits, y) => nn.functional.binary_cross_entropy_with_logits(logits, y),
            optim.Adam(model.parameters(), LearningRate), TrainingMetric.Accuracy()) { ShowProgress = showProgress };
        var history = trainer.Fit(new Batches(xTrain, yTrain, BatchSize, shuffle: true), Epochs,
            new Batches(xValidation, yValidation, 256));
        var served = new ServedClassifier(model, sizes, standardizer, classes);
        return new TrainedClassifier(served, history, split);
    }
}

/// <summary>A classifier trained by a <see cref="ClassifierRecipe"/>: the packaged model, its learning curves and the data split.</summary>
/// <param name="Served">The model with its standardiser and class names.</param>
/// <param name="History">Loss and accuracy per epoch.</param>
/// <param name="Split">The rows used for training, validation and test (raw, unstandardised features).</param>
public sealed record TrainedClassifier(ServedClassifier Served, History History, DataSplit Split)
{
    /// <summary>Share of <paramref name="rows"/> (raw features and 0/1 labels) that <paramref name="classifier"/> labels correctly.</summary>
    public static double Accuracy(ServedClassifier classifier, TensorDataset rows)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        ArgumentNullException.ThrowIfNull(rows);
        using var p = classifier.Probabilities(rows.X);
        using var labels = ClassLabels.FromProbabilities(p);
        return ClassificationMetrics.Accuracy(labels, rows.Y);
    }

    /// <summary>Test accuracy of the trained classifier.</summary>
    public double TestAccuracy => Accuracy(Served, Split.Test);
}
