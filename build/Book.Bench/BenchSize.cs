namespace Book.Bench;

/// <summary>How much <c>book bench</c> measures: the full run for the appendix, or <c>--quick</c> to check that it works.</summary>
/// <param name="Runs">Alternating runs per comparison (figures are their medians).</param>
/// <param name="Images">Fashion-MNIST training images per epoch (the committed subset has 2 000).</param>
/// <param name="Sequences">Synthetic token sequences per epoch for the LSTM and the transformer.</param>
/// <param name="Epochs">Epochs per timed training run.</param>
/// <param name="Steps">Optimizer steps per timed run.</param>
/// <param name="AttentionSteps">Attention passes (forward and backward) per timed run.</param>
/// <param name="Cells">Trivial cells timed through the engine and through the kernel.</param>
/// <param name="Submissions">Submissions in the timed <c>book grade</c> batch.</param>
sealed record BenchSize(int Runs, int Images, int Sequences, int Epochs, int Steps, int AttentionSteps, int Cells, int Submissions)
{
    /// <summary>
    /// The appendix's figures: about ten minutes on a quiet 2-core machine (without <c>--chapters</c>). Three epochs a
    /// run, so that a run lasts long enough (0.4–6 s) for one hiccup of a shared machine not to decide its ratio.
    /// </summary>
    public static readonly BenchSize Full = new(Runs: 5, Images: 2000, Sequences: 1024, Epochs: 3, Steps: 50, AttentionSteps: 10, Cells: 100, Submissions: 6);

    /// <summary>Seconds: every measurement once, on tiny inputs, to check that the command works.</summary>
    public static readonly BenchSize Quick = new(Runs: 1, Images: 128, Sequences: 64, Epochs: 1, Steps: 3, AttentionSteps: 1, Cells: 5, Submissions: 2);
}
