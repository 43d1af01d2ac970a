using Book.Data;
using static TorchSharp.torch;

namespace Book.Tests.Data;

public class TrainValidationTestSplitTests
{
    static TensorDataset Numbered(int n) =>
        new(arange(n, dtype: ScalarType.Float32).reshape(n, 1), arange(n, dtype: ScalarType.Int64));

    [Fact]
    public void Parts_have_the_rounded_sizes_and_together_hold_every_row_once()
    {
        using var data = Numbered(100);
        using var split = TrainValidationTestSplit.Split(data, validation: 0.2, test: 0.1, random: new Random(1));
        Assert.Equal((70L, 20L, 10L), (split.Train.Count, split.Validation.Count, split.Test.Count));
        var rows = new[] { split.Train, split.Validation, split.Test }.SelectMany(p => p.Y.data<long>().ToArray()).Order();
        Assert.Equal(Enumerable.Range(0, 100).Select(i => (long)i), rows);
    }

    [Fact]
    public void Features_stay_with_their_labels()
    {
        using var data = Numbered(50);
        using var split = TrainValidationTestSplit.Split(data, random: new Random(3));
        Assert.Equal(split.Train.Y.to_type(ScalarType.Float32).data<float>().ToArray(), split.Train.X.flatten().data<float>().ToArray());
    }

    [Fact]
    public void Same_seed_same_split_other_seed_other_split()
    {
        using var data = Numbered(40);
        long[] TrainRows(int seed)
        {
            using var split = TrainValidationTestSplit.Split(data, random: new Random(seed));
            return split.Train.Y.data<long>().ToArray();
        }
        Assert.Equal(TrainRows(42), TrainRows(42));
        Assert.NotEqual(TrainRows(42), TrainRows(43));
    }

    [Fact]
    public void Test_fraction_zero_gives_an_empty_test_set()
    {
        using var data = Numbered(10);
        using var split = TrainValidationTestSplit.Split(data, validation: 0.2);
        Assert.Equal(0, split.Test.Count);
        Assert.Equal(new long[] { 0, 1 }, split.Test.X.shape);
        Assert.Equal("train 8, validation 2, test 0", split.ToString());
    }

    [Fact]
    public void Fractions_that_leave_no_training_data_are_refused_with_the_counts()
    {
        using var data = Numbered(10);
        var error = Assert.Throws<ArgumentException>(() => TrainValidationTestSplit.Split(data, validation: 0.5, test: 0.5));
        Assert.Contains("5 validation + 5 test of 10 examples", error.Message);
    }

    [Fact]
    public void Mismatched_rows_name_both_shapes()
    {
        var error = Assert.Throws<ArgumentException>(() => new TensorDataset(zeros(5, 2), zeros(4, dtype: ScalarType.Int64)));
        Assert.Contains("X [5, 2] float32 and Y [4] int64", error.Message);
    }
}
