using Book.Runtime;
using static TorchSharp.torch;

namespace Book.Tests.Runtime;

public class LiveTensorsTests
{
    [Fact]
    public void Every_tensor_an_expression_creates_stays_alive_until_disposed()
    {
        using var x = ones(4, 4);
        // x * 2, + 1 and .sum() each create a tensor: three per pass.
        Assert.Equal(30, LiveTensors.LeftAliveBy(() =>
        {
            for (int i = 0; i < 10; i++) _ = (x * 2 + 1).sum();
        }));
    }

    [Fact]
    public void A_dispose_scope_per_pass_leaves_nothing_alive()
    {
        using var x = ones(4, 4);
        Assert.Equal(0, LiveTensors.LeftAliveBy(() =>
        {
            for (int i = 0; i < 10; i++)
            {
                using var scope = NewDisposeScope();
                _ = (x * 2 + 1).sum();
            }
        }));
    }

    [Fact]
    public void A_result_moved_out_of_its_scope_is_the_one_tensor_left()
    {
        Tensor? kept = null;
        Assert.Equal(1, LiveTensors.LeftAliveBy(() =>
        {
            using var scope = NewDisposeScope();
            kept = (ones(3) * 2).sum().MoveToOuterDisposeScope();
        }));
        Assert.Equal(6f, kept!.item<float>());
        Assert.Equal(-1, LiveTensors.LeftAliveBy(() => kept.Dispose()));
    }
}
