using Book.Tensors;
using static TorchSharp.torch;

namespace Book.Visuals;

/// <summary>
/// Tensors as the arrays Plotly traces take, and numbers cut to the precision a figure needs: a 100 × 100
/// surface written with 17 digits per value would put half a megabyte of JSON into a notebook.
/// </summary>
public static class Matrices
{
    /// <summary>Significant digits of the values written into figures.</summary>
    public const int Digits = 4;

    /// <summary><paramref name="value"/> rounded to <see cref="Digits"/> significant digits (so its JSON is short).</summary>
    public static double Significant(double value)
    {
        if (value == 0 || !double.IsFinite(value)) return value;
        int power = Digits - 1 - (int)Math.Floor(Math.Log10(Math.Abs(value)));
        return power >= 0 ? Math.Round(value * Math.Pow(10, power)) / Math.Pow(10, power)
            : Math.Round(value / Math.Pow(10, -power)) * Math.Pow(10, -power);
    }

    /// <summary>A 2-D tensor as <c>double[rows, columns]</c> (copied to the CPU as float64).</summary>
    public static double[,] ToArray(Tensor matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        if (matrix.dim() != 2) throw new ArgumentException($"Expected a matrix [rows, columns], got {Shapes.Describe(matrix)}.", nameof(matrix));
        using var values = matrix.detach().cpu().to_type(ScalarType.Float64);
        var flat = values.data<double>().ToArray();
        int rows = (int)matrix.shape[0], columns = (int)matrix.shape[1];
        var result = new double[rows, columns];
        Buffer.BlockCopy(flat, 0, result, 0, flat.Length * sizeof(double));
        return result;
    }
}
