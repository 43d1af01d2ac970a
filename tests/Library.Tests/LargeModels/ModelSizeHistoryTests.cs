using Book.LargeModels;

namespace Book.Tests.LargeModels;

/// <summary>The table behind the model-size chart.</summary>
public class ModelSizeHistoryTests
{
    [Fact]
    public void Milestones_are_in_time_order_with_sources()
    {
        var years = ModelSizeHistory.Milestones.Select(m => m.Year).ToList();
        Assert.Equal(years.Order(), years);
        Assert.All(ModelSizeHistory.Milestones, m => Assert.False(string.IsNullOrWhiteSpace(m.Source)));
        Assert.All(ModelSizeHistory.Milestones, m => Assert.True(m.Parameters > 0));
    }

    [Fact]
    public void The_tables_gpt3_agrees_with_the_calculator()
    {
        var gpt3 = ModelSizeHistory.Milestones.Single(m => m.Model == "GPT-3");
        Assert.Equal(2020, gpt3.Year);
        Assert.InRange(PublishedTransformers.Gpt3.Count.Total / gpt3.Parameters, 0.99, 1.01);
    }
}
