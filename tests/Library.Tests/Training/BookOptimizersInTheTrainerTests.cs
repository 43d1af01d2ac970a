using Book.Data;
using Book.Runtime;
using Book.Training;
using TorchSharp;
using TorchSharp.Modules;
using static Book.Tests.Training.TrainingFixtures;
using static TorchSharp.torch;
using BookOptimizer = Book.Optimizers.Optimizer;

namespace Book.Tests.Training;

/// <summary>
/// The optimizers a learner builds in chapter 4 drive the <see cref="Trainer"/> directly, and a whole
/// training run with one of them — shuffled mini-batches, several epochs, validation — ends where the
/// same run with <c>torch.optim</c> ends: the same loss every epoch and the same weights, to float64 rounding.
/// </summary>
[Collection(SeededCollection.Name)]
public class BookOptimizersInTheTrainerTests
{
    const int Epochs = 4;

    public static TheoryData<string> Optimizers() => ["SGD", "SGD with Nesterov momentum", "Adam", "AdamW", "RMSprop"];

    static (Func<IEnumerable<Parameter>, BookOptimizer> Book, Func<IEnumerable<Parameter>, optim.Optimizer> Torch) Pair(string name) => name switch
    {
        "SGD" => (p => new Book.Optimizers.SGD(p, 0.05, momentum: 0.9, weightDecay: 1e-3),
                  p => optim.SGD(p, 0.05, momentum: 0.9, weight_decay: 1e-3)),
        "SGD with Nesterov momentum" => (p => new Book.Optimizers.SGD(p, 0.05, momentum: 0.9, nesterov: true),
                  p => optim.SGD(p, 0.05, momentum: 0.9, nesterov: true)),
        "Adam" => (p => new Book.Optimizers.Adam(p, 0.01), p => optim.Adam(p, 0.01)),
        "AdamW" => (p => new Book.Optimizers.AdamW(p, 0.01, weightDecay: 0.05), p => optim.AdamW(p, 0.01, weight_decay: 0.05)),
        "RMSprop" => (p => new Book.Optimizers.RMSprop(p, 0.005), p => optim.RMSProp(p, 0.005)),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no such optimizer pair"),
    };

    [Theory]
    [MemberData(nameof(Optimizers))]
    public void A_training_run_with_the_book_optimizer_matches_torch_optim(string name)
    {
        var (book, torchOptimizer) = Pair(name);
        var (bookHistory, bookWeights, moved) = Train(p => book(p));
        var (torchHistory, torchWeights, _) = Train(p => new TorchOptimizerStep(torchOptimizer(p)));

        Assert.True(moved > 0.05, $"the weights moved only {moved}: the comparison would be vacuous");
        for (int epoch = 0; epoch < Epochs; epoch++)
            foreach (var quantity in new[] { "loss", "accuracy", "val_loss" })
                Assert.Equal(torchHistory[quantity][epoch], bookHistory[quantity][epoch], 1e-10);
        Assert.True(MaxDifference(bookWeights, torchWeights) < 1e-10, $"weights differ by {MaxDifference(bookWeights, torchWeights)}");
    }

    [Fact]
    public void The_comparison_can_fail_Adam_does_not_end_where_SGD_does()
    {
        var (_, adamWeights, _) = Train(p => new Book.Optimizers.Adam(p, 0.01));
        var (_, sgdWeights, _) = Train(p => new TorchOptimizerStep(optim.SGD(p, 0.01)));
        Assert.True(MaxDifference(adamWeights, sgdWeights) > 1e-3);
    }

    /// <summary>Trains a float64 4-16-2 classifier from fixed weights on a fixed batch order; the history, the final weights and how far they moved.</summary>
    static (History History, Tensor[] Weights, double Moved) Train(Func<IEnumerable<Parameter>, IOptimizerStep> optimizer)
    {
        var (x, y) = TwoBlobs();
        Reproducibility.Seed(7);
        var model = SmallClassifier().to(ScalarType.Float64);
        var initial = model.parameters().Select(p => p.detach().clone()).ToArray();
        var batches = new Batches(x.to(ScalarType.Float64), y, batchSize: 16, shuffle: true, random: new Random(3));
        var trainer = new Trainer(model, CrossEntropy, optimizer(model.parameters()), Accuracy) { ShowProgress = false };

        var history = trainer.Fit(batches, Epochs, validation: batches);

        var weights = model.parameters().Select(p => p.detach().clone()).ToArray();
        return (history, weights, MaxDifference(weights, initial));
    }

    static double MaxDifference(Tensor[] a, Tensor[] b) => a.Zip(b).Max(pair => (pair.First - pair.Second).abs().max().ToDouble());
}
