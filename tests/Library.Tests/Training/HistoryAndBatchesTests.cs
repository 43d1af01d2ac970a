using Book.Display;
using Book.Runtime;
using Book.Training;
using static TorchSharp.torch;

namespace Book.Tests.Training;

public class HistoryAndBatchesTests
{
    [Fact]
    public void History_is_shown_as_a_table_with_the_stop_reason_under_it()
    {
        var history = new History();
        history.Add(new EpochRecord(1, new Dictionary<string, double> { ["loss"] = 0.75, ["accuracy"] = 0.5 }));
        history.Add(new EpochRecord(2, new Dictionary<string, double> { ["loss"] = 0.25, ["accuracy"] = 0.875 }));

        string text = BookFormatters.Format(history);
        string html = BookFormatters.Format(history, MimeTypes.Html);

        Assert.Equal(["epoch  loss  accuracy", "─────────────────────", "    1  0.75       0.5", "    2  0.25     0.875"], text.Split('\n'));
        Assert.Contains("<th style=\"text-align:right\">accuracy</th>", html);
        Assert.Contains("<td style=\"text-align:right\">0.875</td>", html);
        Assert.Equal([0.75, 0.25], history["loss"]);
    }

    [Fact]
    public void History_rejects_an_epoch_with_other_quantities()
    {
        var history = new History();
        history.Add(new EpochRecord(1, new Dictionary<string, double> { ["loss"] = 1 }));
        var error = Assert.Throws<ArgumentException>(() => history.Add(new EpochRecord(2, new Dictionary<string, double> { ["accuracy"] = 1 })));
        Assert.Contains("Expected the quantities [loss], got [accuracy]", error.Message);
    }

    [Fact]
    public void Shuffled_batches_visit_every_sample_once_in_a_new_order_each_epoch()
    {
        Reproducibility.Seed(42);
        var x = arange(10, dtype: float32).unsqueeze(1);
        var y = arange(10, dtype: int64);
        var batches = new TensorBatches(x, y, batchSize: 4, shuffle: true);

        var first = batches.SelectMany(b => b.Y.data<long>().ToArray()).ToArray();
        var second = batches.SelectMany(b => b.Y.data<long>().ToArray()).ToArray();

        Assert.Equal(3, batches.Count);
        Assert.Equal(Enumerable.Range(0, 10).Select(i => (long)i), first.Order());
        Assert.Equal(Enumerable.Range(0, 10).Select(i => (long)i), second.Order());
        Assert.NotEqual(first, second);
        Assert.All(batches, b => Assert.Equal(b.X.squeeze(1).to_type(int64).data<long>().ToArray(), b.Y.data<long>().ToArray()));
    }

    [Fact]
    public void Batches_of_mismatched_tensors_name_both_shapes()
    {
        var error = Assert.Throws<ArgumentException>(() => new TensorBatches(zeros(10, 3), zeros(9), 4));
        Assert.Contains("got X of shape [10, 3] and Y of shape [9]", error.Message);
    }
}
