using Book.Display;
using Book.Training;
using TorchSharp;
using static Book.Tests.Training.TrainingFixtures;

namespace Book.Tests.Training;

public class ProgressTests
{
    sealed class RecordingSink : IDisplaySink
    {
        public List<(string Kind, string Id, string Text)> Events { get; } = new();
        public void Display(IReadOnlyDictionary<string, string> bundle, string displayId) => Events.Add(("display", displayId, bundle[Formatter.PlainText]));
        public void Update(IReadOnlyDictionary<string, string> bundle, string displayId) => Events.Add(("update", displayId, bundle[Formatter.PlainText]));
    }

    [Fact]
    public void In_a_notebook_training_shows_one_output_updated_in_place_ending_with_the_last_epoch()
    {
        var (x, y) = TwoBlobs();
        var model = SmallClassifier();
        var trainer = new Trainer(model, CrossEntropy, torch.optim.SGD(model.parameters(), 0.1), Accuracy);
        var sink = new RecordingSink();
        DisplaySink.Current = sink;
        History history;
        try
        {
            history = trainer.Fit(new TensorBatches(x, y, 16), epochs: 3);
        }
        finally
        {
            DisplaySink.Current = null!;
        }

        Assert.Single(sink.Events, e => e.Kind == "display");
        Assert.Single(sink.Events.Select(e => e.Id).Distinct());
        Assert.StartsWith("epoch 1/3 [", sink.Events[0].Text); // the first batch's progress bar
        Assert.Contains("] 1/6  loss ", sink.Events[0].Text);
        var last = history.Epochs[^1];
        Assert.Equal($"epoch 3/3  loss {Formatter.FormatNumber(last["loss"])}  accuracy {Formatter.FormatNumber(last["accuracy"])}", sink.Events[^1].Text);
    }
}
