using Book.Data;
using Book.Runtime;
using Book.Training;
using TorchSharp;
using static Book.Tests.Training.TrainingFixtures;
using static TorchSharp.torch;

namespace Book.Tests.Training;

[Collection(SeededCollection.Name)]
public class TrainerTests
{
    [Fact]
    public void Training_learns_two_separable_blobs()
    {
        var (x, y) = TwoBlobs();
        var model = SmallClassifier();
        var trainer = new Trainer(model, CrossEntropy, optim.Adam(model.parameters(), 0.01), Accuracy) { ShowProgress = false };
        var batches = new Batches(x, y, batchSize: 16, shuffle: true);
        var inOrder = new Batches(x, y, batchSize: 16);

        var history = trainer.Fit(batches, epochs: 15, validation: inOrder);

        Assert.Equal(15, history.Epochs.Count);
        Assert.Equal(["loss", "accuracy", "val_loss", "val_accuracy"], history.Names);
        Assert.True(history["loss"][^1] < history["loss"][0] / 3, $"loss went from {history["loss"][0]} to {history["loss"][^1]}");
        Assert.True(history["val_accuracy"][^1] > 0.9, $"final accuracy {history["val_accuracy"][^1]}");
        Assert.Null(history.StopReason);
        // Validation after the last epoch is exactly what Evaluate computes on the final weights.
        Assert.Equal(history["val_loss"][^1], trainer.Evaluate(inOrder)["loss"], 12);
    }

    [Fact]
    public void A_full_training_run_leaves_the_live_tensor_count_flat()
    {
        var (x, y) = TwoBlobs();
        var model = SmallClassifier();
        var trainer = new Trainer(model, CrossEntropy, optim.Adam(model.parameters(), 0.01), Accuracy) { ShowProgress = false };
        var batches = new Batches(x, y, batchSize: 16, shuffle: true);
        trainer.Fit(batches, epochs: 1); // the optimizer creates its state on the first step

        DisposeScopeManager.Statistics.Reset();
        trainer.Fit(batches, epochs: 4, validation: batches, new EarlyStopping(patience: 10));
        trainer.Evaluate(batches);
        using (var scope = NewDisposeScope()) trainer.Predict(x, batchSize: 32);

        var statistics = DisposeScopeManager.Statistics;
        Assert.True(statistics.CreatedInScopeCount > 100, statistics.ToString());
        Assert.True(statistics.ThreadTotalLiveCount == 0, $"tensors leaked: {statistics}");
    }

    [Fact]
    public void Early_stopping_stops_after_patience_and_restores_the_best_weights()
    {
        var (x, y) = TwoBlobs();
        var model = SmallClassifier();
        var trainer = new Trainer(model, CrossEntropy, new GradientAscent(model, 0.05)) { ShowProgress = false };
        var batches = new Batches(x, y, batchSize: 32);
        var stopping = new EarlyStopping(monitor: "val_loss", patience: 2);

        var history = trainer.Fit(batches, epochs: 20, validation: batches, stopping);

        // Every epoch is worse than the first, so training stops after 1 + patience epochs.
        Assert.Equal(3, history.Epochs.Count);
        Assert.True(history["val_loss"][2] > history["val_loss"][1] && history["val_loss"][1] > history["val_loss"][0]);
        Assert.Equal(1, stopping.BestEpoch);
        Assert.Contains("did not improve for 2 epochs", history.StopReason);
        Assert.Equal(history["val_loss"][0], trainer.Evaluate(batches)["loss"], 12);
    }

    [Fact]
    public void Early_stopping_on_a_missing_quantity_says_what_was_recorded()
    {
        var (x, y) = TwoBlobs();
        var model = SmallClassifier();
        var trainer = new Trainer(model, CrossEntropy, optim.SGD(model.parameters(), 0.1)) { ShowProgress = false };

        var error = Assert.Throws<InvalidOperationException>(() => trainer.Fit(new Batches(x, y, 32), 3, null, new EarlyStopping()));

        Assert.Contains("'val_loss'", error.Message);
        Assert.Contains("only loss", error.Message);
        Assert.Contains("pass validation data", error.Message);
    }

    [Fact]
    public void An_interrupt_stops_training_between_batches()
    {
        var (x, y) = TwoBlobs();
        var model = SmallClassifier();
        var trainer = new Trainer(model, CrossEntropy, optim.SGD(model.parameters(), 0.1)) { ShowProgress = false };
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Interruption.Token = cancelled.Token;
        try
        {
            Assert.Throws<OperationCanceledException>(() => trainer.Fit(new Batches(x, y, 32), 3));
        }
        finally
        {
            Interruption.Token = CancellationToken.None;
        }
    }

    [Fact]
    public void Predict_concatenates_the_outputs_of_every_batch()
    {
        var (x, _) = TwoBlobs(50);
        var model = SmallClassifier();
        var trainer = new Trainer(model, CrossEntropy, optim.SGD(model.parameters(), 0.1)) { ShowProgress = false };

        using var batched = trainer.Predict(x, batchSize: 16);
        using var whole = model.call(x.to(trainer.Device));

        Assert.Equal([50L, 2L], batched.shape);
        Assert.True(batched.allclose(whole, rtol: 1e-5, atol: 1e-6));
    }
}
