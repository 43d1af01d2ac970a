using Book.Checks;
using static TorchSharp.torch;

namespace Book.Tests.Checks;

[Collection(SeededCollection.Name)]
public class ChecksTests
{
    [Fact]
    public void Agreement_prints_the_bound_not_the_noise()
    {
        using var a = tensor(new[] { 1.0, 2.0, 3.0 });
        using var b = tensor(new[] { 1.0, 2.0 + 1e-15, 3.0 });
        Assert.Equal("max |difference| < 1e-12 ✓", Agreement.Within(a, b, 1e-12));
        Assert.Equal("|difference| < 1e-3 ✓", Agreement.Within(0.3750, 0.37501, 1e-3));
        Assert.Equal("relative error < 1e-6 ✓", Agreement.Relative(2.0, 2.0000001, 1e-6));
    }

    [Fact]
    public void Agreement_beyond_its_bound_fails_with_both_numbers()
    {
        using var a = tensor(new[] { 1.0, 2.0 });
        using var b = tensor(new[] { 1.0, 2.5 });
        var failure = Assert.Throws<CheckFailedException>(() => Agreement.Within(a, b, 1e-12));
        Assert.Equal("expected max |difference| below 1e-12, got 0.5.", failure.Message);
        Assert.Throws<CheckFailedException>(() => Agreement.Within(double.NaN, 1.0, 1e-3));
        Assert.Throws<ArgumentException>(() => Agreement.Within(a, tensor(new[] { 1.0 }), 1e-3));
    }

    [Fact]
    public void Bounds_state_the_claim_and_fail_when_it_is_false()
    {
        Assert.Equal("< 1e-6 ✓", Bound.Below(3e-9, 1e-6));
        Assert.Equal("> 1e6 ✓", Bound.Above(2.75e8, 1e6));
        Assert.Equal("> 5e6 ✓", Bound.Above(double.PositiveInfinity, 5e6));
        Assert.Equal("expected a value below 1e-6 in size, got 0.002.",
            Assert.Throws<CheckFailedException>(() => Bound.Below(2e-3, 1e-6)).Message);
        Assert.Throws<CheckFailedException>(() => Bound.Above(10, 1e6));
    }

    [Fact]
    public void An_answer_is_recognised_by_its_fingerprint_including_its_rounding_neighbours()
    {
        string fingerprint = Answer.Fingerprint(0.45417);
        Assert.True(Answer.Matches(0.454170001, fingerprint));
        Assert.True(Answer.Matches(0.45425, fingerprint));   // one unit above in the 4th digit
        Assert.False(Answer.Matches(0.4552, fingerprint));
        Assert.False(Answer.Matches(double.NaN, fingerprint));
        Assert.Equal(Answer.Fingerprint(0.0), Answer.Fingerprint(-0.0));
        Assert.DoesNotContain("4542", fingerprint);
        Assert.Equal(12, fingerprint.Length);
    }

    [Fact]
    public void A_wrong_answer_fails_the_check_without_revealing_the_right_one()
    {
        string fingerprint = Answer.Fingerprint(204_928L);
        var failure = Assert.Throws<CheckFailedException>(() => Answer.Check(204_800L, fingerprint, "parameters of the first dense layer"));
        Assert.Equal("parameters of the first dense layer: 204800 is not the expected value.", failure.Message);
        Answer.Check(204_928L, fingerprint, "parameters of the first dense layer");
        Answer.Check("Adam", Answer.Fingerprint("Adam"), "the optimizer");
        Assert.Throws<CheckFailedException>(() => Answer.Check(1.5, Answer.Fingerprint(2.5), "x"));
    }
}
