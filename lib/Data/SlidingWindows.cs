using Book.Tensors;
using static TorchSharp.torch;

namespace Book.Data;

/// <summary>
/// Supervised examples cut from one series (chapter 09): every run of <c>window</c> consecutive values
/// x_{t−w+1} … x_t is an input, and the <c>horizon</c> values after it, x_{t+1} … x_{t+horizon}, are its
/// target. A series of length T gives N = T − window − horizon + 1 examples, X [N, window, 1] (one feature
/// per step, as a recurrent layer expects) and Y [N, horizon], in time order — split them by time, never at
/// random, or the test windows overlap the training ones.
/// </summary>
public static class SlidingWindows
{
    /// <summary>The windows of <paramref name="series"/> [T] and the values that follow each.</summary>
    public static TensorDataset Make(Tensor series, int window, int horizon = 1)
    {
        ArgumentNullException.ThrowIfNull(series);
        Shapes.Require(series, "series", "time");
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(horizon, 1);
        long count = series.shape[0] - window - horizon + 1;
        if (count < 1)
            throw new ArgumentException($"Expected a series longer than window + horizon − 1 = {window + horizon - 1} values, got {series.shape[0]}.", nameof(series));
        using var all = series.unfold(0, window + horizon, 1);   // [N, window + horizon]
        return new TensorDataset(all[.., ..window].unsqueeze(2).contiguous(), all[.., window..].contiguous());
    }
}
