using static TorchSharp.torch;

namespace Book.Data;

/// <summary>
/// Splits examples at random into a training set (to fit the weights), a validation set (to choose
/// hyper-parameters and stop early) and a test set (touched once, at the end, to report the result).
/// With N examples, round(N·test) go to test, round(N·validation) to validation and the rest to
/// training; the order comes from <see cref="Shuffling.Permutation"/>, so a seed fixes the split.
/// Chapter 07 uses it (the source article's 20 % validation split) and every later training chapter.
/// </summary>
public static class TrainValidationTestSplit
{
    /// <summary>Splits <paramref name="data"/>; the parts are new tensors and <paramref name="data"/> is left as it is.</summary>
    /// <param name="validation">Fraction of the examples for validation, in [0, 1).</param>
    /// <param name="test">Fraction of the examples for test, in [0, 1); validation + test must leave training examples.</param>
    /// <param name="random">The random source; <see cref="Book.Runtime.Reproducibility.Random"/> when null.</param>
    public static DataSplit Split(TensorDataset data, double validation = 0.2, double test = 0.0, Random? random = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        CheckFraction(validation, nameof(validation));
        CheckFraction(test, nameof(test));
        long n = data.Count;
        long testCount = (long)Math.Round(n * test, MidpointRounding.AwayFromZero);
        long validationCount = (long)Math.Round(n * validation, MidpointRounding.AwayFromZero);
        long trainCount = n - testCount - validationCount;
        if (trainCount < 1)
            throw new ArgumentException(
                $"Expected validation + test to leave at least one training example, got {validationCount} validation + {testCount} test of {n} examples.");
        long[] order = Shuffling.Permutation(n, random);
        return new DataSplit(
            data.Rows(order[..(int)trainCount]),
            data.Rows(order[(int)trainCount..(int)(trainCount + validationCount)]),
            data.Rows(order[(int)(trainCount + validationCount)..]));
    }

    /// <summary>Splits features <paramref name="x"/> and targets <paramref name="y"/> (same number of rows).</summary>
    public static DataSplit Split(Tensor x, Tensor y, double validation = 0.2, double test = 0.0, Random? random = null) =>
        Split(new TensorDataset(x, y), validation, test, random);

    static void CheckFraction(double fraction, string name)
    {
        if (!(fraction >= 0 && fraction < 1))
            throw new ArgumentOutOfRangeException(name, fraction, $"Expected a fraction in [0, 1) for {name}, got {fraction}.");
    }
}

/// <summary>The three parts of a split; an empty part has 0 rows. Disposing the split disposes all three.</summary>
public sealed record DataSplit(TensorDataset Train, TensorDataset Validation, TensorDataset Test) : IDisposable
{
    /// <summary>"train 455, validation 57, test 57".</summary>
    public override string ToString() => $"train {Train.Count}, validation {Validation.Count}, test {Test.Count}";

    /// <summary>Disposes the three parts.</summary>
    public void Dispose()
    {
        Train.Dispose();
        Validation.Dispose();
        Test.Dispose();
    }
}
