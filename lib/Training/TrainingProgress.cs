using System.Diagnostics;
using System.Text;
using Book.Display;
using Microsoft.DotNet.Interactive.Formatting;

namespace Book.Training;

/// <summary>
/// How the <see cref="Trainer"/> shows that it is working: in a notebook, one output that updates in
/// place (epoch, batch, running loss, then each epoch's summary); in a terminal, a one-line progress
/// bar redrawn with a carriage return and one summary line per epoch; when output is redirected to a
/// file, only the summary lines. Updates within an epoch are throttled so they never slow training.
/// </summary>
abstract class TrainingProgress
{
    /// <summary>Shows nothing.</summary>
    public static readonly TrainingProgress Silent = new SilentProgress();

    readonly Stopwatch sinceLastUpdate = Stopwatch.StartNew();

    protected TrainingProgress(int epochs, int? batchesPerEpoch) => (Epochs, BatchesPerEpoch) = (epochs, batchesPerEpoch);

    protected int Epochs { get; }
    protected int? BatchesPerEpoch { get; }

    /// <summary>The progress display that suits where output goes now: the notebook's or the console.</summary>
    /// <param name="batches">An epoch's batches, counted when they say how many they are (a bar needs the total).</param>
    public static TrainingProgress ForCurrentOutput<T>(int epochs, IEnumerable<T> batches)
    {
        int? count = batches switch
        {
            IReadOnlyCollection<T> collection => collection.Count,
            _ when batches.TryGetNonEnumeratedCount(out int n) => n,
            _ => null,
        };
        return DisplaySink.Current is ConsoleDisplaySink
            ? new TerminalProgress(epochs, count, Console.Out, interactive: !Console.IsOutputRedirected)
            : new NotebookProgress(epochs, count);
    }

    /// <summary>After each batch, with the epoch's running mean of the quantity <paramref name="name"/> (the loss).</summary>
    public void Batch(int epoch, int batch, string name, double runningMean)
    {
        if (sinceLastUpdate.Elapsed < MinimumInterval && batch != 1) return;
        sinceLastUpdate.Restart();
        ShowBatch(BatchLine(epoch, batch, name, runningMean));
    }

    /// <summary>After each epoch, with its record.</summary>
    public abstract void Epoch(EpochRecord record);

    /// <summary>When training ends.</summary>
    public abstract void Finish(History history);

    protected abstract TimeSpan MinimumInterval { get; }

    protected abstract void ShowBatch(string line);

    /// <summary>"epoch 3/10  loss 0.4123  accuracy 0.875  val_loss 0.5  val_accuracy 0.85".</summary>
    protected string EpochLine(EpochRecord record) =>
        $"epoch {record.Epoch}/{Epochs}  " + string.Join("  ", record.Values.Select(v => $"{v.Key} {BookFormatters.FormatNumber(v.Value)}"));

    /// <summary>"epoch 3/10 [=========>          ] 45/90  loss 0.4123".</summary>
    string BatchLine(int epoch, int batch, string name, double runningMean)
    {
        var line = new StringBuilder($"epoch {epoch}/{Epochs} ");
        if (BatchesPerEpoch is int total && total > 0)
        {
            const int width = 20;
            int done = (int)Math.Round(width * (double)Math.Min(batch, total) / total);
            line.Append('[').Append('=', done).Append(done < width ? ">" : "").Append(' ', Math.Max(0, width - done - 1))
                .Append($"] {batch}/{total}");
        }
        else line.Append($"batch {batch}");
        return line.Append($"  {name} {BookFormatters.FormatNumber(runningMean)}").ToString();
    }

    sealed class SilentProgress() : TrainingProgress(1, null)
    {
        protected override TimeSpan MinimumInterval => TimeSpan.MaxValue;
        protected override void ShowBatch(string line) { }
        public override void Epoch(EpochRecord record) { }
        public override void Finish(History history) { }
    }

    /// <summary>One notebook output, replaced in place; it ends as the last epoch's summary.</summary>
    sealed class NotebookProgress(int epochs, int? batchesPerEpoch) : TrainingProgress(epochs, batchesPerEpoch)
    {
        DisplayedValue? handle;

        protected override TimeSpan MinimumInterval => TimeSpan.FromSeconds(0.5);

        protected override void ShowBatch(string line) => Show(line);

        public override void Epoch(EpochRecord record) => Show(EpochLine(record));

        public override void Finish(History history)
        {
            if (history.Epochs.Count == 0) return;
            Show(EpochLine(history.Epochs[^1]) + (history.StopReason is null ? "" : "\n" + history.StopReason));
        }

        void Show(string text)
        {
            if (handle is null) handle = DisplayFunctions.display(text);
            else handle.Update(text);
        }
    }

    /// <summary>
    /// A progress bar redrawn on one terminal line, then a line per epoch; when <paramref name="interactive"/>
    /// is false (output redirected to a file or a pipe), only the epoch lines.
    /// </summary>
    internal sealed class TerminalProgress(int epochs, int? batchesPerEpoch, TextWriter output, bool interactive)
        : TrainingProgress(epochs, batchesPerEpoch)
    {
        int shownWidth;

        protected override TimeSpan MinimumInterval => TimeSpan.FromSeconds(0.1);

        protected override void ShowBatch(string line)
        {
            if (!interactive) return;
            output.Write("\r" + line.PadRight(shownWidth));
            shownWidth = line.Length;
        }

        public override void Epoch(EpochRecord record)
        {
            string line = EpochLine(record);
            output.WriteLine(interactive ? "\r" + line.PadRight(shownWidth) : line);
            shownWidth = 0;
        }

        public override void Finish(History history)
        {
            if (history.StopReason is not null) output.WriteLine(history.StopReason);
        }
    }
}
