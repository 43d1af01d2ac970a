using Book.Runtime;

namespace Book.Tests.Runtime;

public class RunSizeTests
{
    [Theory]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("small", false)]
    [InlineData(" Large ", true)]
    public void The_setting_reads_small_or_large(string? setting, bool large) => Assert.Equal(large, RunSize.Parse(setting));

    [Fact]
    public void Anything_else_names_what_was_expected_and_what_came()
    {
        var error = Assert.Throws<ArgumentException>(() => RunSize.Parse("huge"));
        Assert.Equal("Expected BOOK_SIZE to be 'small' or 'large', got 'huge'.", error.Message);
    }
}
