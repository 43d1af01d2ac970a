using Book.Display;
using Book.Training;

namespace Book.Tests.Training;

public class HistoryTests
{
    [Fact]
    public void History_is_shown_as_a_table_with_the_stop_reason_under_it()
    {
        var history = new History();
        history.Add(new EpochRecord(1, new Dictionary<string, double> { ["loss"] = 0.75, ["accuracy"] = 0.5 }));
        history.Add(new EpochRecord(2, new Dictionary<string, double> { ["loss"] = 0.25, ["accuracy"] = 0.875 }));

        string text = Formatter.Format(history);
        string html = Formatter.Format(history, Formatter.Html);

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
}
