namespace Book.Tensors;

/// <summary>
/// Broadcasting, chapter 2: how an element-wise operation combines tensors of different shapes. Align
/// the shapes at their last dimension (a missing leading dimension counts as size 1); in every position
/// the sizes must be equal or one of them 1, and the result takes the larger:
/// <code>[3, 1] with [4] → [3, 4]      [8, 1, 5] with [7, 1] → [8, 7, 5]      [3, 2] with [3] → error</code>
/// A size-1 dimension is repeated without copying the data. TorchSharp (like PyTorch and NumPy) applies
/// this rule in every +, −, ×, ÷ and comparison; this class states it on its own, so a chapter can predict a
/// shape before computing it and a library can check shapes with a message that names both.
/// </summary>
public static class Broadcasting
{
    /// <summary>The shape of an element-wise result of tensors with <paramref name="shapes"/>; throws when they do not broadcast.</summary>
    public static long[] Shape(params long[][] shapes)
    {
        ArgumentNullException.ThrowIfNull(shapes);
        if (shapes.Length == 0) throw new ArgumentException("Expected at least one shape to broadcast, got none.", nameof(shapes));
        int rank = shapes.Max(shape => shape.Length);
        var result = new long[rank];
        for (int fromEnd = 1; fromEnd <= rank; fromEnd++)
        {
            long size = 1;
            foreach (var shape in shapes)
            {
                long own = fromEnd <= shape.Length ? shape[^fromEnd] : 1;
                if (own < 0) throw new ArgumentException($"Expected sizes of at least 0, got {Shapes.Of(shape)}.", nameof(shapes));
                if (own == 1 || own == size) continue;
                if (size != 1)
                    throw new ArgumentException(
                        $"Shapes {string.Join(" and ", shapes.Select(s => Shapes.Of(s)))} do not broadcast: dimension {rank - fromEnd} " +
                        $"of the aligned shapes (counted from 0 after padding with leading 1s) has sizes {size} and {own}; " +
                        "expected them equal or one of them 1.", nameof(shapes));
                size = own;
            }
            result[rank - fromEnd] = size;
        }
        return result;
    }
}
