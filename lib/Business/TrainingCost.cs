using System.Globalization;
using Book.LargeModels;

namespace Book.Business;

/// <summary>
/// The cost of a training run and its share of every token served (chapter 13). Chapter 1's rule gives the
/// compute, C ≈ 6·N·D FLOPs (<see cref="TrainingCompute"/>); an accelerator that achieves F FLOP/s
/// (<see cref="AchievedThroughput"/>, the book's reference unless the reader has a better figure) needs C / F / 3600
/// accelerator-hours, each costing p dollars. Spread over the L tokens the model serves in its lifetime, training
/// adds cost / L · 10⁶ dollars to every million tokens — large for a model that few use, negligible for one that
/// many do.
/// </summary>
/// <param name="Run">N parameters and D training tokens.</param>
/// <param name="Throughput">FLOP/s one accelerator achieves.</param>
/// <param name="PricePerAcceleratorHour">p, dollars per accelerator-hour.</param>
public sealed record TrainingCost(TrainingCompute Run, AchievedThroughput Throughput, double PricePerAcceleratorHour)
{
    /// <summary>C / F / 3600.</summary>
    public double AcceleratorHours => Run.AcceleratorHours(Throughput);

    /// <summary>Accelerator-hours × price, in dollars.</summary>
    public double Dollars => PricePerAcceleratorHour >= 0 ? AcceleratorHours * PricePerAcceleratorHour
        : throw new ArgumentException($"Expected a non-negative price per accelerator-hour, got {PricePerAcceleratorHour}.");

    /// <summary>Dollars per million tokens when the model serves <paramref name="lifetimeTokens"/> tokens before it is replaced.</summary>
    public double PerMillionTokensServed(double lifetimeTokens) => lifetimeTokens > 0 ? Dollars / lifetimeTokens * 1e6
        : throw new ArgumentOutOfRangeException(nameof(lifetimeTokens), lifetimeTokens, "Expected a positive number of tokens served.");

    /// <summary>"93,056 accelerator-hours × $6.88 = $640,226".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{AcceleratorHours:N0} accelerator-hours × ${PricePerAcceleratorHour:G4} = ${Dollars:N0}");
}
