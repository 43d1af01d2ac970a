using System.Globalization;

namespace Book.LargeModels;

/// <summary>
/// Memory for a model's state — weights, gradients, master weights and optimizer state — under a
/// <see cref="BytesPerParameter"/> recipe (chapter 01): <c>bytes = N × bytes per parameter</c>. Activations,
/// temporary buffers and the framework's own overhead come on top. GB here is 10⁹ bytes.
/// </summary>
/// <param name="Parameters">N.</param>
/// <param name="Recipe">Bytes per parameter and what they hold.</param>
public sealed record TrainingMemory(double Parameters, BytesPerParameter Recipe)
{
    /// <summary>N, validated.</summary>
    double N => Parameters > 0 ? Parameters : throw new ArgumentException($"Expected a positive number of parameters, got {Parameters}.");

    /// <summary>N × weight bytes.</summary>
    public double WeightBytes => N * Recipe.Weights;

    /// <summary>N × gradient bytes.</summary>
    public double GradientBytes => N * Recipe.Gradients;

    /// <summary>N × master-weight bytes.</summary>
    public double MasterWeightBytes => N * Recipe.MasterWeights;

    /// <summary>N × optimizer-state bytes.</summary>
    public double OptimizerStateBytes => N * Recipe.OptimizerState;

    /// <summary>All of it, in bytes.</summary>
    public double TotalBytes => N * Recipe.Total;

    /// <summary>All of it in GB (10⁹ bytes).</summary>
    public double Gigabytes => TotalBytes / 1e9;

    /// <summary>
    /// The fewest accelerators of <paramref name="acceleratorGigabytes"/> each that can hold this state at all,
    /// split evenly and with nothing else in memory — a lower bound, not a plan.
    /// </summary>
    public int AcceleratorsToHold(double acceleratorGigabytes)
    {
        if (!(acceleratorGigabytes > 0)) throw new ArgumentException($"Expected a positive accelerator memory in GB, got {acceleratorGigabytes}.");
        return (int)Math.Ceiling(Gigabytes / acceleratorGigabytes);
    }

    /// <summary>E.g. "mixed precision + Adam: 16 bytes × 174.60 B parameters = 2793.67 GB".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Recipe.Recipe}: {Recipe.Total} bytes × {ShortScale.Format(Parameters)} parameters = {Gigabytes:F2} GB");
}
