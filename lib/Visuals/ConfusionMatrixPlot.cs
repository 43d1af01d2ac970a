using System.Globalization;
using Book.Tensors;
using Plotly.NET;
using static TorchSharp.torch;

namespace Book.Visuals;

/// <summary>
/// A confusion matrix drawn: cell (i, j) counts the examples of true class i predicted as class j, so
/// the diagonal holds the correct predictions and each off-diagonal cell names one kind of mistake
/// (for Fashion-MNIST, shirts taken for T-shirts). The title gives the accuracy, trace/total.
/// Chapters 07 and 08.
/// </summary>
public static class ConfusionMatrixPlot
{
    /// <summary>The heatmap of <paramref name="counts"/> <c>[classes, classes]</c> (rows: true class, columns: predicted).</summary>
    public static GenericChart Plot(Tensor counts, IReadOnlyList<string> classes, string title = "Confusion matrix")
    {
        ArgumentNullException.ThrowIfNull(counts);
        if (counts.dim() != 2 || counts.shape[0] != counts.shape[1])
            throw new ArgumentException($"Expected a square confusion matrix [classes, classes], got {Shapes.Describe(counts)}.", nameof(counts));
        return Plot(Matrices.ToArray(counts), classes, title);
    }

    /// <summary>The heatmap of <paramref name="counts"/> (rows: true class, columns: predicted).</summary>
    public static GenericChart Plot(double[,] counts, IReadOnlyList<string> classes, string title = "Confusion matrix")
    {
        ArgumentNullException.ThrowIfNull(counts);
        double total = 0, correct = 0;
        for (int i = 0; i < counts.GetLength(0); i++)
            for (int j = 0; j < counts.GetLength(1); j++)
            {
                total += counts[i, j];
                if (i == j) correct += counts[i, j];
            }
        string accuracy = total > 0 ? (100 * correct / total).ToString("F1", CultureInfo.InvariantCulture) + " %" : "no examples";
        return AnnotatedHeatmap.Plot(counts, classes, classes, v => v.ToString("G6", CultureInfo.InvariantCulture),
            $"{title} (accuracy {accuracy})", "predicted class", "true class");
    }
}
