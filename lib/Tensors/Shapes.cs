using static TorchSharp.torch;

namespace Book.Tensors;

/// <summary>
/// How the library names a tensor in an error message — its shape and element type, e.g.
/// <c>[32, 1, 28, 28] float32</c> — and the shape checks whose errors say what was expected and what came.
/// </summary>
public static class Shapes
{
    /// <summary>The shape in brackets, e.g. <c>[32, 10]</c>.</summary>
    public static string Of(Tensor tensor) => Of(tensor.shape);

    /// <summary>A shape in brackets, e.g. <c>[32, 1, 28, 28]</c>.</summary>
    public static string Of(ReadOnlySpan<long> shape) => "[" + string.Join(", ", shape.ToArray()) + "]";

    /// <summary>
    /// Throws unless <paramref name="tensor"/> has exactly the dimensions given: a number must match,
    /// a name ("batch", "time") matches any size — "expected input of shape [batch, 1, 28, 28], got [32, 28, 28]".
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
            throw new ArgumentException($"expected {what} of shape [{string.Join(", ", dimensions)}], got {Of(shape)}");
    }

    /// <summary>The shape and the element type, e.g. <c>[32, 10] float32</c>.</summary>
    public static string Describe(Tensor tensor) => $"{Of(tensor)} {DTypes.Name(tensor.dtype)}";

    /// <summary>Throws unless <paramref name="actual"/> has exactly the shape of <paramref name="expected"/>.</summary>
    public static void RequireSame(Tensor expected, Tensor actual, string expectedName, string actualName)
    {
        if (!expected.shape.SequenceEqual(actual.shape))
            throw new ArgumentException(
                $"Expected {actualName} of shape {Of(expected)} (the shape of {expectedName}), got {Of(actual)}.", actualName);
    }

    /// <summary>Throws unless <paramref name="tensor"/> has <paramref name="dimensions"/> dimensions.</summary>
    public static void RequireDimensions(Tensor tensor, int dimensions, string name, string meaning)
    {
        if (tensor.dim() != dimensions)
            throw new ArgumentException($"Expected {name} with {dimensions} dimensions ({meaning}), got shape {Of(tensor)}.", name);
    }
}
