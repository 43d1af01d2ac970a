using System.Globalization;
using System.Reflection;
using Book.Display;
using Book.LargeModels;
using Book.Models;
using Book.Serving;
using Microsoft.DotNet.Interactive.Formatting;

namespace Book.Business;

/// <summary>
/// Every number chapter 13's business runs on, in one place: what chapter 12 measured, the prices and specifications
/// it takes from public sources (with their dates), and the assumptions a founder makes. The chapter shows them as one
/// table near its top; a reader changes a value in that cell (<c>with { PricePerMillionTokens = 2.0 }</c>) and re-runs.
/// Everything else is derived: the throughput of the served model (<see cref="AcceleratorTokensPerSecond"/>), the cost
/// per token (<see cref="Serving"/>), the training bill (<see cref="Training"/>) and the monthly plan
/// (<see cref="BusinessPlan"/>).
/// <para>
/// The business: a start-up trains a 7-billion-parameter language model of LLaMA-7B's shape and sells its tokens
/// through an API, paid per token, serving it in 16-bit on rented H100 accelerators.
/// </para>
/// </summary>
public sealed record BusinessAssumptions
{
    // ----- measured in chapter 12
    /// <summary>Tokens per second of the book's own language model behind its HTTP service, fastest load test of chapter 12.</summary>
    [Assumption("book model's throughput, measured", "tokens/s", "chapter 12, fastest load test")]
    public required double MeasuredTokensPerSecond { get; init; }

    /// <summary>The share of the memory-bandwidth bound that chapter 12's decoding step reached on its machine.</summary>
    [Assumption("share of the roofline bound reached", "share", "chapter 12, weight stack at batch 1", IsShare = true, Lever = "compute cost")]
    public required double DecodeEfficiency { get; init; }

    // ----- hardware and model
    /// <summary>Hourly price of a small CPU server like the one chapter 12 measured on.</summary>
    [Assumption("price of a 2-vCPU server", "$/h", "public price: AWS m7g.large, June 2026", Lever = "compute cost")]
    public double CpuServerPricePerHour { get; init; } = PublicPrices.SmallCpuServer.Price;

    /// <summary>Hourly price of one H100.</summary>
    [Assumption("price of one H100 accelerator", "$/h", "public price: AWS p5.48xlarge ÷ 8, April 2026", Lever = "compute cost")]
    public double AcceleratorPricePerHour { get; init; } = PublicPrices.H100OnDemand.Price;

    /// <summary>N of the served model.</summary>
    [Assumption("parameters of the served model", "parameters", "LLaMA-7B: 6.7 B (Touvron et al. 2023)", Lever = "model performance")]
    public double ModelParameters { get; init; } = 6.7e9;

    /// <summary>L of the served model.</summary>
    [Assumption("its layers", "layers", "LLaMA-7B (Touvron et al. 2023)")]
    public int ModelLayers { get; init; } = 32;

    /// <summary>d of the served model.</summary>
    [Assumption("its width d", "numbers", "LLaMA-7B (Touvron et al. 2023)")]
    public int ModelWidth { get; init; } = 4096;

    /// <summary>Bytes per weight as served.</summary>
    [Assumption("bytes per weight", "bytes", "16-bit weights (chapter 12, section 12.8)", Lever = "compute cost")]
    public double BytesPerParameter { get; init; } = 2;

    /// <summary>Sequences decoded together (capped by what fits in memory).</summary>
    [Assumption("sequences decoded together", "sequences", "assumption (capped by memory)", Lever = "compute cost")]
    public int ConcurrentSequences { get; init; } = 96;

    /// <summary>Average tokens in each sequence's key/value cache.</summary>
    [Assumption("tokens in each sequence's cache", "tokens", "assumption")]
    public double ContextTokens { get; init; } = 1024;

    /// <summary>Share of paid accelerator-hours spent serving.</summary>
    [Assumption("utilisation of paid hours", "share", "assumption", IsShare = true, Lever = "compute cost")]
    public double Utilisation { get; init; } = 0.6;

    // ----- market
    /// <summary>Price charged per million generated tokens.</summary>
    [Assumption("price per million tokens", "$", "public price: gpt-3.5-turbo output, January 2024", Lever = "model performance")]
    public double PricePerMillionTokens { get; init; } = PublicPrices.Gpt35TurboOutput.Price;

    /// <summary>Tokens a customer uses per month.</summary>
    [Assumption("tokens per customer per month", "tokens", "assumption", Lever = "user experience")]
    public double TokensPerCustomer { get; init; } = 50e6;

    /// <summary>New customers in the first month.</summary>
    [Assumption("new customers in month 1", "customers", "assumption", Lever = "partnerships")]
    public double NewCustomersPerMonth { get; init; } = 250;

    /// <summary>Monthly growth of new customers.</summary>
    [Assumption("growth of new customers", "per month", "assumption", Lever = "partnerships")]
    public double CustomerGrowthPerMonth { get; init; } = 0.03;

    /// <summary>Share of customers leaving each month.</summary>
    [Assumption("churn", "per month", "assumption", IsShare = true, Lever = "user experience")]
    public double MonthlyChurn { get; init; } = 0.03;

    /// <summary>Marketing and sales cost per new customer.</summary>
    [Assumption("acquisition cost (CAC)", "$ per customer", "assumption", Lever = "partnerships")]
    public double AcquisitionCost { get; init; } = 200;

    // ----- company
    /// <summary>Salaries, offices and tools.</summary>
    [Assumption("fixed costs", "$ per month", "assumption: a team of five")]
    public double FixedCostsPerMonth { get; init; } = 80_000;

    /// <summary>Privacy and compliance work: audits, legal advice, data protection.</summary>
    [Assumption("privacy and compliance", "$ per month", "assumption", Lever = "privacy and compliance")]
    public double ComplianceCostPerMonth { get; init; } = 5_000;

    // ----- training
    /// <summary>D, tokens of the training run.</summary>
    [Assumption("training tokens", "tokens", "LLaMA-7B: 1.0 T (Touvron et al. 2023)", Lever = "data quality")]
    public double TrainingTokens { get; init; } = 1.0e12;

    /// <summary>Months the model serves before a new one replaces it; its training cost is spread over them.</summary>
    [Assumption("model lifetime", "months", "assumption")]
    public int ModelLifetimeMonths { get; init; } = 18;

    /// <summary>Months the plan covers.</summary>
    [Assumption("horizon", "months", "assumption")]
    public int HorizonMonths { get; init; } = 36;

    /// <summary>The accelerator the model is served and trained on.</summary>
    public Accelerator Hardware => Accelerator.H100;

    /// <summary>The roofline of the served model on one <see cref="Hardware"/>, its cache included (chapter 12).</summary>
    public DecodeRoofline Roofline => new(ModelParameters, BytesPerParameter, Hardware,
        TransformerLanguageModel.KeyValueCache.BytesPerToken(ModelLayers, ModelWidth, BytesPerParameter), ContextTokens);

    /// <summary>Sequences actually decoded together: <see cref="ConcurrentSequences"/>, or fewer when their caches do not fit.</summary>
    public int Batch => Math.Max(1, Math.Min(ConcurrentSequences, Roofline.MaxBatchInMemory()));

    /// <summary>Tokens per second one accelerator generates: the roofline bound at <see cref="Batch"/> × <see cref="DecodeEfficiency"/>.</summary>
    public double AcceleratorTokensPerSecond => Roofline.TokensPerSecond(Batch) * DecodeEfficiency;

    /// <summary>The cost of serving the 7B model.</summary>
    public ServingCost Serving => new(AcceleratorPricePerHour, AcceleratorTokensPerSecond, Utilisation);

    /// <summary>The cost of serving the book's own model as chapter 12 measured it, on a small CPU server.</summary>
    public ServingCost MeasuredServing => new(CpuServerPricePerHour, MeasuredTokensPerSecond, Utilisation);

    /// <summary>The training run: 6·N·D on accelerators achieving <see cref="AchievedThroughput.Reference"/>, at the accelerator price.</summary>
    public TrainingCost Training => new(new TrainingCompute(ModelParameters, TrainingTokens), AchievedThroughput.Reference, AcceleratorPricePerHour);

    /// <summary>The assumptions as rows: property name, label, value, unit, source, lever.</summary>
    public IReadOnlyList<AssumptionRow> Rows() => Properties.Select(p =>
    {
        var a = p.GetCustomAttribute<AssumptionAttribute>()!;
        return new AssumptionRow(p.Name, a.Label, Convert.ToDouble(p.GetValue(this), CultureInfo.InvariantCulture), a.Unit, a.Source, a.Lever, a.IsShare);
    }).ToList();

    /// <summary>A copy with the assumption <paramref name="property"/> (its C# name) set to <paramref name="value"/>.</summary>
    public BusinessAssumptions With(string property, double value)
    {
        var info = Properties.FirstOrDefault(p => p.Name == property)
            ?? throw new ArgumentException($"No assumption named '{property}'; expected one of {string.Join(", ", Properties.Select(p => p.Name))}.", nameof(property));
        var copy = this with { };
        info.SetValue(copy, info.PropertyType == typeof(int) ? (object)(int)Math.Round(value) : value);
        return copy;
    }

    /// <summary>The table the chapter shows: every assumption with its value, unit and source.</summary>
    public Table ToTable() => new(["assumption", "value", "unit", "source"],
        Rows().Select(r => (IReadOnlyList<string>)[r.Label, r.Show(), r.Unit, r.Source]).ToList());

    static readonly PropertyInfo[] Properties = typeof(BusinessAssumptions).GetProperties()
        .Where(p => p.GetCustomAttribute<AssumptionAttribute>() is not null).ToArray();
}

/// <summary>One assumption of <see cref="BusinessAssumptions"/>.</summary>
public sealed record AssumptionRow(string Property, string Label, double Value, string Unit, string Source, string? Lever, bool IsShare)
{
    /// <summary>The value as the table shows it: shares in %, large numbers in short scale, prices with cents.</summary>
    public string Show() => IsShare ? string.Create(CultureInfo.InvariantCulture, $"{100 * Value:F0} %")
        : Math.Abs(Value) >= 1e6 ? ShortScale.Format(Value)
        : Value == Math.Floor(Value) ? Value.ToString("N0", CultureInfo.InvariantCulture)
        : Value.ToString("0.####", CultureInfo.InvariantCulture);
}

/// <summary>Shows <see cref="BusinessAssumptions"/> as its table.</summary>
public sealed class BusinessAssumptionsFormatters : IFormatterSet
{
    /// <inheritdoc />
    public void Register()
    {
        Formatter.Register<BusinessAssumptions>(a => a.ToTable().ToText());
        Formatter.Register<BusinessAssumptions>(a => a.ToTable().ToHtml(), MimeTypes.Html);
    }
}
