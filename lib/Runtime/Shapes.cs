using static TorchSharp.torch;

namespace Book.Runtime;

/// <summary>
/// Shape checks whose errors say what was expected and what came, e.g.
/// "expected input of shape [batch, 1, 28, 28], got [32, 28, 28]" — the first thing to read when a
/// layer refuses a tensor.
/// </summary>
public static class Shapes
{
    /// <summary>A shape as the book prints it: "[32, 1, 28, 28]".</summary>
    public static string Describe(ReadOnlySpan<long> shape) => "[" + string.Join(", ", shape.ToArray()) + "]";

    /// <summary>
    /// Throws unless <paramref name="tensor"/> has exactly the dimensions given: a number must match,
    /// a name ("batch", "time") matches any size.
    /// </summary>
    /// <param name="what">What the tensor is, for the message ("input", "query").</param>
    /// <param name="dimensions">Each dimension as a <see cref="long"/>/<see cref="int"/> size or a <see cref="string"/> name.</param>
    public static void Require(Tensor tensor, string what, params object[] dimensions)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        var shape = tensor.shape;
        bool fits = shape.Length == dimensions.Length && dimensions.Select((d, i) => d switch
        {
            string => true,
            int size => shape[i] == size,
            long size => shape[i] == size,
            _ => throw new ArgumentException($"Expected each dimension to be a size or a name, got {d.GetType().Name}.", nameof(dimensions)),
        }).All(ok => ok);
        if (!fits)
            throw new ArgumentException($"expected {what} of shape [{string.Join(", ", dimensions)}], got {Describe(shape)}");
    }
}
