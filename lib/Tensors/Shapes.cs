using static TorchSharp.torch;

namespace Book.Tensors;

/// <summary>How the library names a tensor in an error message: its shape and element type, e.g. <c>[32, 1, 28, 28] float32</c>.</summary>
public static class Shapes
{
    /// <summary>The shape in brackets, e.g. <c>[32, 10]</c>.</summary>
    public static string Of(Tensor tensor) => "[" + string.Join(", ", tensor.shape) + "]";

    /// <summary>The shape and the element type, e.g. <c>[32, 10] float32</c>.</summary>
    public static string Describe(Tensor tensor) => $"{Of(tensor)} {DTypes.Name(tensor.dtype)}";
}
