using Book.LargeModels;

namespace Book.Tests.LargeModels;

/// <summary>Chinchilla's 20 tokens per parameter, solved for a budget.</summary>
public class ComputeOptimalAllocationTests
{
    [Fact]
    public void Chinchillas_own_budget_gives_back_70_billion_parameters_on_1_4_trillion_tokens()
    {
        double budget = new TrainingCompute(70e9, 1.4e12).Flops;
        var allocation = ComputeOptimalAllocation.For(budget);
        Assert.Equal(70e9, allocation.Parameters, 70e9 * 1e-12);
        Assert.Equal(1.4e12, allocation.Tokens, 1.4e12 * 1e-12);
    }

    [Fact]
    public void The_allocation_spends_exactly_the_budget()
    {
        var allocation = ComputeOptimalAllocation.For(3.14e23, tokensPerParameter: 10);
        Assert.Equal(3.14e23, new TrainingCompute(allocation.Parameters, allocation.Tokens).Flops, 3.14e23 * 1e-12);
        Assert.Equal(10, allocation.Tokens / allocation.Parameters, 12);
    }

    [Fact]
    public void A_budget_must_be_positive()
    {
        Assert.Contains("got 0", Assert.Throws<ArgumentException>(() => ComputeOptimalAllocation.For(0)).Message);
    }
}
