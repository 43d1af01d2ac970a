using static TorchSharp.torch;

namespace Book.Attention;

/// <summary>
/// The sinusoidal positional encoding of "Attention Is All You Need" (Vaswani et al. 2017; chapter 10), a
/// vector per position that is added to the token vectors so attention, which ignores order, can tell
/// positions apart:
/// <code>
/// PE(pos, 2i) = sin(pos / 10000^(2i/d)),   PE(pos, 2i+1) = cos(pos / 10000^(2i/d))
/// </code>
/// Each pair of dimensions is a clock of its own frequency, from one turn every 2π positions down to one every
/// 10000·2π; nothing is learned, and PE(pos + k) is a rotation of PE(pos) for every k. GPT-2 (and the book's
/// <c>TransformerLanguageModel</c>) learn a T×d table of position vectors instead.
/// </summary>
public static class SinusoidalPositionalEncoding
{
    /// <summary>PE as a [contextLength, modelWidth] float32 matrix: row pos is the encoding of position pos.</summary>
    public static Tensor Table(int modelWidth, int contextLength)
    {
        if (modelWidth < 1 || contextLength < 1)
            throw new ArgumentException($"Expected a positive model width and context length, got {modelWidth} and {contextLength}.");
        using var scope = NewDisposeScope();
        var position = arange(contextLength, dtype: ScalarType.Float64).unsqueeze(1);
        var frequency = exp(arange(0, modelWidth, 2, dtype: ScalarType.Float64) * (-Math.Log(10000.0) / modelWidth));
        var angles = position * frequency;
        var pe = zeros(contextLength, modelWidth, dtype: ScalarType.Float64);
        pe[TensorIndex.Colon, TensorIndex.Slice(0, null, 2)] = sin(angles);
        pe[TensorIndex.Colon, TensorIndex.Slice(1, null, 2)] = cos(angles[TensorIndex.Colon, TensorIndex.Slice(0, modelWidth / 2)]);
        return pe.to_type(ScalarType.Float32).MoveToOuterDisposeScope();
    }
}
