using static TorchSharp.torch;

namespace Book.Tensors;

/// <summary>Element types by the names PyTorch prints (<c>float32</c>, <c>int64</c>, <c>uint8</c>, <c>bool</c>…), used in errors and in the tensor display.</summary>
public static class DTypes
{
    /// <summary>PyTorch's name of <paramref name="type"/>, e.g. <see cref="ScalarType.Float32"/> → <c>float32</c>.</summary>
    public static string Name(ScalarType type) => type switch
    {
        ScalarType.Float32 => "float32",
        ScalarType.Float64 => "float64",
        ScalarType.Float16 => "float16",
        ScalarType.BFloat16 => "bfloat16",
        ScalarType.Int64 => "int64",
        ScalarType.Int32 => "int32",
        ScalarType.Int16 => "int16",
        ScalarType.Int8 => "int8",
        ScalarType.Byte => "uint8",
        ScalarType.Bool => "bool",
        ScalarType.ComplexFloat32 => "complex64",
        ScalarType.ComplexFloat64 => "complex128",
        var other => other.ToString().ToLowerInvariant(),
    };

    /// <summary>True for the floating-point types (float16, bfloat16, float32, float64).</summary>
    public static bool IsFloatingPoint(ScalarType type) =>
        type is ScalarType.Float16 or ScalarType.BFloat16 or ScalarType.Float32 or ScalarType.Float64;
}
