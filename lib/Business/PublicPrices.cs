namespace Book.Business;

/// <summary>
/// The public prices chapter 13 starts from, each with its date and source. They are what a customer paid on that
/// date, not costs; a reader who knows newer ones replaces them here, once.
/// </summary>
public static class PublicPrices
{
    /// <summary>gpt-3.5-turbo (0125): $0.50 input, $1.50 output per million tokens.</summary>
    public static PricePoint Gpt35TurboOutput { get; } = new("gpt-3.5-turbo-0125 API, output tokens", 1.50, "$ per million tokens", "January 2024", "OpenAI API pricing");

    /// <summary>gpt-3.5-turbo (0125), input tokens.</summary>
    public static PricePoint Gpt35TurboInput { get; } = new("gpt-3.5-turbo-0125 API, input tokens", 0.50, "$ per million tokens", "January 2024", "OpenAI API pricing");

    /// <summary>GPT-4o mini at its launch: $0.15 input, $0.60 output per million tokens.</summary>
    public static PricePoint Gpt4oMiniOutput { get; } = new("gpt-4o-mini API, output tokens", 0.60, "$ per million tokens", "18 July 2024", "OpenAI, \"GPT-4o mini: advancing cost-efficient intelligence\"");

    /// <summary>GPT-4o mini, input tokens.</summary>
    public static PricePoint Gpt4oMiniInput { get; } = new("gpt-4o-mini API, input tokens", 0.15, "$ per million tokens", "18 July 2024", "OpenAI, \"GPT-4o mini: advancing cost-efficient intelligence\"");

    /// <summary>GPT-4o (2024-08-06): $2.50 input, $10 output per million tokens.</summary>
    public static PricePoint Gpt4oOutput { get; } = new("gpt-4o API, output tokens", 10.00, "$ per million tokens", "August 2024", "OpenAI API pricing");

    /// <summary>ChatGPT Plus, the consumer subscription.</summary>
    public static PricePoint ChatGptPlus { get; } = new("ChatGPT Plus subscription", 20, "$ per month", "1 February 2023", "OpenAI, \"Introducing ChatGPT Plus\"");

    /// <summary>One H100 on demand at AWS: p5.48xlarge (8 × H100) at $55.04 an hour, divided by 8.</summary>
    public static PricePoint H100OnDemand { get; } = new("NVIDIA H100, AWS p5.48xlarge on demand ÷ 8, us-east-1", 6.88, "$ per accelerator-hour", "April 2026", "codesota.com hardware register, H100 SXM");

    /// <summary>One H100 on a GPU marketplace.</summary>
    public static PricePoint H100Marketplace { get; } = new("NVIDIA H100, cheapest marketplace offer (Vast.ai)", 1.65, "$ per accelerator-hour", "April 2026", "codesota.com hardware register, H100 SXM");

    /// <summary>One A100 reserved in advance at AWS: p4d.24xlarge capacity block, effective accelerator rate.</summary>
    public static PricePoint A100CapacityBlock { get; } = new("NVIDIA A100, AWS EC2 Capacity Block p4d.24xlarge, US East (Ohio)", 1.844, "$ per accelerator-hour", "2024 (until 1 January 2025)", "AWS, \"Amazon EC2 Capacity Blocks for ML pricing\"");

    /// <summary>A 2-vCPU cloud server like the machine chapter 12 measured on.</summary>
    public static PricePoint SmallCpuServer { get; } = new("2-vCPU server, AWS m7g.large on demand, us-east-1", 0.0816, "$ per hour", "June 2026", "factualminds.com, \"Amazon EC2 On-Demand Pricing (2026)\"");

    /// <summary>All of them, in the order above.</summary>
    public static IReadOnlyList<PricePoint> All { get; } =
        [Gpt35TurboInput, Gpt35TurboOutput, Gpt4oMiniInput, Gpt4oMiniOutput, Gpt4oOutput, ChatGptPlus, H100OnDemand, H100Marketplace, A100CapacityBlock, SmallCpuServer];
}
