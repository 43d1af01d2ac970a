using static TorchSharp.torch;

namespace Book.Tensors;

/// <summary>
/// How the library names a tensor in an error message — its shape and element type, e.g.
/// <c>[32, 1, 28, 28] float32</c> — and the shape checks whose errors say what was expected and what came.
/// </summary>
public static class Shapes
{
    /// <summary>The shape in brackets, e.g. <c>[32, 10]</c>.</summary>
    public static string Of(Tensor tensor) => "[" + string.Join(", ", tensor.shape) + "]";

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
