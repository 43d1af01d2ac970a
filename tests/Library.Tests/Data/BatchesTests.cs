using TorchSharp;
using Book.Data;
using Book.Runtime;
using static TorchSharp.torch;

namespace Book.Tests.Data;

[Collection(SeededCollection.Name)]
public class BatchesTests
{
    [Fact]
    public void An_epoch_visits_every_row_once_in_batches_of_the_given_size()
    {
        using var x = arange(10, dtype: ScalarType.Float32).reshape(10, 1);
        using var y = arange(10, dtype: ScalarType.Int64);
        var batches = new Batches(x, y, batchSize: 4, shuffle: true, random: new Random(5));
        var sizes = new List<long>();
        var seen = new List<long>();
        foreach (var (bx, by) in batches)
        {
            sizes.Add(by.shape[0]);
            seen.AddRange(by.data<long>().ToArray());
            Assert.Equal(by.to_type(ScalarType.Float32).data<float>().ToArray(), bx.flatten().data<float>().ToArray());
        }
        Assert.Equal(new long[] { 4, 4, 2 }, sizes);
        Assert.Equal(3, batches.Count);
        Assert.Equal(Enumerable.Range(0, 10).Select(i => (long)i), seen.Order());
        Assert.NotEqual(Enumerable.Range(0, 10).Select(i => (long)i), seen);
    }

    [Fact]
    public void Each_epoch_has_a_new_order_and_the_seed_repeats_the_sequence()
    {
        using var x = zeros(20, 1);
        using var y = arange(20, dtype: ScalarType.Int64);
        List<long[]> TwoEpochs()
        {
            Reproducibility.Seed(42);
            var batches = new Batches(x, y, batchSize: 20, shuffle: true);
            return Enumerable.Range(0, 2).Select(_ => batches.Select(b => b.Y.data<long>().ToArray()).Single()).ToList();
        }
        var first = TwoEpochs();
        Assert.NotEqual(first[0], first[1]);
        Assert.Equal(first, TwoEpochs());
    }

    [Fact]
    public void Without_shuffling_the_order_is_kept_and_drop_last_drops_the_short_batch()
    {
        using var x = zeros(7, 2);
        using var y = arange(7, dtype: ScalarType.Int64);
        var batches = new Batches(x, y, batchSize: 3, shuffle: false, dropLast: true);
        var rows = batches.Select(b => b.Y.data<long>().ToArray()).ToList();
        Assert.Equal(new[] { new long[] { 0, 1, 2 }, new long[] { 3, 4, 5 } }, rows);
    }

    [Fact]
    public void The_caller_tensors_survive_and_batches_passed_are_disposed()
    {
        using var x = ones(6, 2);
        using var y = zeros(6, dtype: ScalarType.Int64);
        var batches = new Batches(x, y, batchSize: 2);
        var seen = new List<Tensor>();
        foreach (var (bx, _) in batches) seen.Add(bx);
        Assert.All(seen, t => Assert.True(t.IsInvalid));
        Assert.False(x.IsInvalid);
        Assert.Equal(12, x.sum().item<float>());

        var kept = batches.First();
        Assert.False(kept.X.IsInvalid);
        Assert.Equal(new long[] { 2, 2 }, kept.X.shape);
    }

    [Fact]
    public void Batches_of_mismatched_tensors_name_both_shapes()
    {
        var error = Assert.Throws<ArgumentException>(() => new Batches(zeros(10, 3), zeros(9), 4));
        Assert.Contains("got X [10, 3] float32 and Y [9] float32", error.Message);
    }

    [Fact]
    public void Inside_a_dispose_scope_per_step_nothing_outlives_its_step()
    {
        using var x = randn(10, 3);
        using var y = arange(10, dtype: ScalarType.Int64);
        var batches = new Batches(x, y, batchSize: 4, shuffle: true);
        Assert.Equal(3, batches.Count);
        Assert.Equal(10, batches.Samples);
        DisposeScopeManager.Statistics.Reset();
        using (var epoch = batches.GetEnumerator())
            while (true)
            {
                using var step = NewDisposeScope();
                if (!epoch.MoveNext()) break;
                using var product = epoch.Current.X.sum();
            }
        Assert.True(DisposeScopeManager.Statistics.ThreadTotalLiveCount == 0, DisposeScopeManager.Statistics.ToString());
    }
}
