using Book.Data;
using static Book.Data.SequencePadding;

namespace Book.Tests.Data;

public class SequencePaddingTests
{
    static readonly long[][] Sequences = { new long[] { 1, 2, 3 }, new long[] { 4, 5, 6, 7, 8 }, new long[] { 9 } };

    static long[][] Rows(TorchSharp.torch.Tensor t) =>
        Enumerable.Range(0, (int)t.shape[0]).Select(r => t[r].data<long>().ToArray()).ToArray();

    [Fact]
    public void Defaults_match_keras_pre_padding_to_the_longest()
    {
        using var padded = PadSequences(Sequences);
        Assert.Equal(new long[] { 3, 5 }, padded.shape);
        Assert.Equal(new[] { new long[] { 0, 0, 1, 2, 3 }, new long[] { 4, 5, 6, 7, 8 }, new long[] { 0, 0, 0, 0, 9 } }, Rows(padded));
    }

    [Fact]
    public void Post_padding_and_pre_truncation()
    {
        using var padded = PadSequences(Sequences, maxLength: 4, padding: PaddingSide.Post);
        Assert.Equal(new[] { new long[] { 1, 2, 3, 0 }, new long[] { 5, 6, 7, 8 }, new long[] { 9, 0, 0, 0 } }, Rows(padded));
    }

    [Fact]
    public void Post_truncation_keeps_the_beginning_and_value_fills()
    {
        using var padded = PadSequences(Sequences, maxLength: 2, truncating: PaddingSide.Post, value: -1);
        Assert.Equal(new[] { new long[] { 1, 2 }, new long[] { 4, 5 }, new long[] { -1, 9 } }, Rows(padded));
    }
}
