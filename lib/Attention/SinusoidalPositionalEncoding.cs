using Book.Tensors;
using Book.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace Book.Attention;

/// <summary>
/// The sinusoidal positional encoding of "Attention Is All You Need" (chapter 10), added to the token
/// vectors so attention, which ignores order, can tell positions apart:
/// PE(pos, 2i) = sin(pos / 10000^(2i/d)), PE(pos, 2i+1) = cos(pos / 10000^(2i/d)).
/// Each pair of dimensions is a clock of its own frequency; nothing is learned. Input and output [batch, time, d].
/// </summary>
public sealed class SinusoidalPositionalEncoding : nn.Module<Tensor, Tensor>
{
    readonly Tensor table;

    /// <summary>Encodings for up to <paramref name="maxLength"/> positions of vectors of size <paramref name="modelSize"/>.</summary>
    public SinusoidalPositionalEncoding(int modelSize, int maxLength = 512, Device? device = null) : base(nameof(SinusoidalPositionalEncoding))
    {
        if (modelSize < 1 || maxLength < 1)
            throw new ArgumentException($"Expected a positive model size and length, got {modelSize} and {maxLength}.");
        (ModelSize, MaxLength) = (modelSize, maxLength);
        table = Table(modelSize, maxLength);
        RegisterComponents();
        this.to(device ?? Devices.Default);
    }

    /// <summary>d, the size of each vector.</summary>
    public int ModelSize { get; }
    /// <summary>The longest sequence this encoding covers.</summary>
    public int MaxLength { get; }

    /// <summary>PE as a [maxLength, d] matrix, row pos = the encoding of position pos.</summary>
    public static Tensor Table(int modelSize, int maxLength)
    {
        using var scope = NewDisposeScope();
        var position = arange(maxLength, dtype: ScalarType.Float64).unsqueeze(1);
        var frequency = exp(arange(0, modelSize, 2, dtype: ScalarType.Float64) * (-Math.Log(10000.0) / modelSize));
        var angles = position * frequency;
        var pe = zeros(maxLength, modelSize, dtype: ScalarType.Float64);
        pe[TensorIndex.Colon, TensorIndex.Slice(0, null, 2)] = sin(angles);
        pe[TensorIndex.Colon, TensorIndex.Slice(1, null, 2)] = cos(angles[TensorIndex.Colon, TensorIndex.Slice(0, modelSize / 2)]);
        return pe.to_type(ScalarType.Float32).MoveToOuterDisposeScope();
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        Shapes.Require(input, "input", "batch", "time", ModelSize);
        if (input.shape[1] > MaxLength)
            throw new ArgumentException($"expected at most {MaxLength} positions, got {input.shape[1]}: create the encoding with a larger maxLength.");
        return input + table.narrow(0, 0, input.shape[1]);
    }
}
