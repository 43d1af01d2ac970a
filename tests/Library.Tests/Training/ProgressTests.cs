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
        public void Display(IReadOnlyDictionary<string, string> bundle, string displayId) => Events.Add(("display", displayId, bundle[MimeTypes.PlainText]));
        public void Update(IReadOnlyDictionary<string, string> bundle, string displayId) => Events.Add(("update", displayId, bundle[MimeTypes.PlainText]));
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
        Assert.Equal($"epoch 3/3  loss {BookFormatters.FormatNumber(last["loss"])}  accuracy {BookFormatters.FormatNumber(last["accuracy"])}", sink.Events[^1].Text);
    }

    [Fact]
    public void In_a_terminal_a_bar_is_redrawn_on_one_line_and_each_epoch_gets_its_own_line()
    {
        var output = new StringWriter { NewLine = "\n" };
        var progress = new TrainingProgress.TerminalProgress(epochs: 2, batchesPerEpoch: 4, output, interactive: true);

        progress.Batch(epoch: 1, batch: 1, "loss", 0.75);
        progress.Epoch(new EpochRecord(1, new Dictionary<string, double> { ["loss"] = 0.5 }));

        string bar = $"epoch 1/2 [=====>              ] 1/4  loss {BookFormatters.FormatNumber(0.75)}";
        string epochLine = $"epoch 1/2  loss {BookFormatters.FormatNumber(0.5)}";
        Assert.Equal("\r" + bar + "\r" + epochLine.PadRight(bar.Length) + "\n", output.ToString());
    }

    [Fact]
    public void With_output_redirected_only_the_epoch_lines_are_written()
    {
        var output = new StringWriter { NewLine = "\n" };
        var progress = new TrainingProgress.TerminalProgress(epochs: 2, batchesPerEpoch: 4, output, interactive: false);

        progress.Batch(epoch: 1, batch: 1, "loss", 0.75);
        progress.Epoch(new EpochRecord(1, new Dictionary<string, double> { ["loss"] = 0.5 }));

        Assert.Equal($"epoch 1/2  loss {BookFormatters.FormatNumber(0.5)}\n", output.ToString());
    }
}
