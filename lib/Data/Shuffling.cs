using Book.Runtime;

namespace Book.Data;

/// <summary>
/// A random order of the rows 0 … n−1 by the Fisher–Yates shuffle: for i from n−1 down to 1, swap
/// position i with a position j drawn uniformly from 0 … i. Every one of the n! orders is equally
/// likely, and the same seed gives the same order. Splits and <see cref="Batches"/> draw from
/// <see cref="Reproducibility.Random"/> unless given their own <see cref="Random"/>. Chapter 07.
/// </summary>
public static class Shuffling
{
    /// <summary>The rows 0 … <paramref name="count"/>−1 in a random order.</summary>
    public static long[] Permutation(long count, Random? random = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var rng = random ?? Reproducibility.Random;
        var order = Identity(count);
        for (long i = count - 1; i > 0; i--)
        {
            long j = rng.NextInt64(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
        return order;
    }

    /// <summary>The rows 0 … <paramref name="count"/>−1 in their own order (no shuffling).</summary>
    public static long[] Identity(long count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var order = new long[count];
        for (long i = 0; i < count; i++) order[i] = i;
        return order;
    }
}
