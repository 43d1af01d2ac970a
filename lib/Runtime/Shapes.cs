using static TorchSharp.torch;

namespace Book.Runtime;

/// <summary>Shape checks whose errors say which shape was expected and which came.</summary>
public static class Shapes
{
    /// <summary>A shape as the book prints it: [4, 3].</summary>
    public static string Describe(Tensor tensor) => "[" + string.Join(", ", tensor.shape) + "]";

    /// <summary>Throws unless <paramref name="actual"/> has exactly the shape of <paramref name="expected"/>.</summary>
    public static void RequireSame(Tensor expected, Tensor actual, string expectedName, string actualName)
    {
        if (!expected.shape.SequenceEqual(actual.shape))
            throw new ArgumentException(
                $"Expected {actualName} of shape {Describe(expected)} (the shape of {expectedName}), got {Describe(actual)}.", actualName);
    }

    /// <summary>Throws unless <paramref name="tensor"/> has <paramref name="dimensions"/> dimensions.</summary>
    public static void RequireDimensions(Tensor tensor, int dimensions, string name, string meaning)
    {
        if (tensor.dim() != dimensions)
            throw new ArgumentException($"Expected {name} with {dimensions} dimensions ({meaning}), got shape {Describe(tensor)}.", name);
    }
}
