using Book.Optimization;
using Book.Optimizers;
using TorchSharp;
using static TorchSharp.torch;

namespace Book.Tests.Optimization;

public class LossSurfaceTests
{
    public static TheoryData<string> Surfaces => new() { "bowl", "rosenbrock" };

    static LossSurface Make(string name) => name == "bowl" ? new QuadraticBowl(1, 10) : new Rosenbrock();

    [Theory, MemberData(nameof(Surfaces))]
    public void Hand_gradient_matches_autograd(string name)
    {
        var surface = Make(name);
        foreach (var (x, y) in new[] { (-1.5, 2.0), (0.3, -0.7), (1.2, 1.1) })
        {
            var point = tensor(new[] { x, y }, requires_grad: true);
            surface.Evaluate(point).backward();
            var automatic = point.grad!.data<double>().ToArray();
            var (gx, gy) = surface.Gradient(x, y);
            Assert.Equal(automatic[0], gx, 10);
            Assert.Equal(automatic[1], gy, 10);
        }
    }

    [Theory, MemberData(nameof(Surfaces))]
    public void The_minimum_is_flat_and_lowest(string name)
    {
        var surface = Make(name);
        var (mx, my) = surface.Minimum;
        Assert.Equal(0, surface.Evaluate(mx, my), 12);
        Assert.Equal((0.0, 0.0), surface.Gradient(mx, my));
        Assert.True(surface.Evaluate(mx + 0.01, my) > 0);
    }

    [Fact]
    public void Gradient_descent_on_the_bowl_follows_the_closed_form()
    {
        // x_t = (1 − ηa)^t x_0 and y_t = (1 − ηb)^t y_0.
        var bowl = new QuadraticBowl(1, 10);
        var path = bowl.Follow(p => new SGD(p, 0.15), (2, 1), 20);
        Assert.Equal(21, path.X.Length);
        Assert.Equal(2 * Math.Pow(0.85, 20), path.X[^1], 12);
        Assert.Equal(Math.Pow(-0.5, 20), path.Y[^1], 12);
        Assert.Equal(bowl.Evaluate(path.X[^1], path.Y[^1]), path.FinalLoss, 12);
    }

    [Fact]
    public void Too_large_a_rate_diverges_on_the_bowl()
    {
        var path = new QuadraticBowl(1, 10).Follow(p => new SGD(p, 0.21), (2, 1), 30);
        Assert.True(path.FinalLoss > path.Loss[0], "Expected η > 2/b to make the loss grow.");
    }

    [Fact]
    public void Grid_rows_follow_y_and_columns_follow_x()
    {
        var grid = new QuadraticBowl(1, 10).Grid(new[] { 0.0, 1.0, 2.0 }, new[] { 0.0, 1.0 });
        Assert.Equal(2, grid.Length);
        Assert.Equal(new[] { 0.0, 0.5, 2.0 }, grid[0]);
        Assert.Equal(new[] { 5.0, 5.5, 7.0 }, grid[1]);
    }

    [Fact]
    public void Adam_reaches_the_rosenbrock_valley_floor()
    {
        var path = new Rosenbrock().Follow(p => new Adam(p, 0.02), (-1.5, 2), 3000);
        Assert.True(path.DistanceTo((1, 1)) < 0.05, $"Expected Adam within 0.05 of (1, 1), ended at ({path.End.X:F3}, {path.End.Y:F3}).");
        Assert.Equal(0, path.StepsToReach(double.PositiveInfinity));
    }

    [Fact]
    public void Thinning_keeps_the_ends_and_at_most_the_asked_number_of_points()
    {
        var path = new QuadraticBowl().Follow(p => new SGD(p, 0.01), (1, 1), 999);
        var thin = path.Thinned(100);
        Assert.Equal(100, thin.X.Length);
        Assert.Equal(path.X[0], thin.X[0]);
        Assert.Equal(path.End, thin.End);
    }
}
