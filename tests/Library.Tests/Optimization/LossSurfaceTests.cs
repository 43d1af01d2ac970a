using Book.Optimization;
using Book.Optimizers;
using TorchSharp;
using static TorchSharp.torch;

namespace Book.Tests.Optimization;

public class LossSurfaceTests
{
    public static TheoryData<string> Surfaces => new() { "bowl", "rosenbrock", "double well" };

    static LossSurface Make(string name) => name switch
    {
        "bowl" => new QuadraticBowl(1, 10),
        "rosenbrock" => new Rosenbrock(),
        _ => new DoubleWell(0.5),
    };

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
    public void Hand_hessian_matches_differences_of_the_hand_gradient(string name)
    {
        var surface = Make(name);
        const double h = 1e-5;
        foreach (var (x, y) in new[] { (-1.5, 2.0), (0.3, -0.7), (1.2, 1.1) })
        {
            var (xx, xy, yy) = surface.Hessian(x, y);
            var (gxPlus, gyPlus) = surface.Gradient(x + h, y);
            var (gxMinus, gyMinus) = surface.Gradient(x - h, y);
            var (_, gyUp) = surface.Gradient(x, y + h);
            var (_, gyDown) = surface.Gradient(x, y - h);
            Assert.Equal((gxPlus - gxMinus) / (2 * h), xx, 4);
            Assert.Equal((gyPlus - gyMinus) / (2 * h), xy, 4);
            Assert.Equal((gyUp - gyDown) / (2 * h), yy, 4);
        }
    }

    [Fact]
    public void The_double_well_has_a_global_minimum_a_local_minimum_and_a_saddle_between()
    {
        var well = new DoubleWell(0.5);
        var points = well.CriticalPoints;
        Assert.Equal(new[] { "minimum", "saddle point", "minimum" }, points.Select(p => p.Kind));
        foreach (var (x, y, _) in points)
        {
            var (gx, gy) = well.Gradient(x, y);
            Assert.Equal(0, gx, 12);
            Assert.Equal(0, gy, 12);
        }
        var (smaller, larger) = well.Curvatures(points[1].X, 0);
        Assert.True(smaller < 0 && larger > 0, "a saddle curves down one way and up the other");
        Assert.Equal(points[0].X, well.Minimum.X);
        Assert.True(well.Evaluate(points[0].X, 0) < well.Evaluate(points[2].X, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DoubleWell(2));
    }

    [Fact]
    public void Curvatures_are_the_eigenvalues_of_the_hessian()
    {
        var (smaller, larger) = new Rosenbrock().Curvatures(1, 1);
        var eigenvalues = linalg.eigvalsh(tensor(new double[,] { { 802, -400 }, { -400, 200 } })).data<double>().ToArray();
        Assert.Equal(eigenvalues[0], smaller, 9);
        Assert.Equal(eigenvalues[1], larger, 9);
    }

    public static TheoryData<string> SurfacesWithZeroMinimum => new() { "bowl", "rosenbrock" };

    [Theory, MemberData(nameof(SurfacesWithZeroMinimum))]
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

    [Fact]
    public void Follow_takes_the_steps_an_autograd_loop_takes()
    {
        var surface = new Rosenbrock();
        var path = surface.Follow(p => new SGD(p, 1e-3, momentum: 0.9), (-1.5, 2), 50);
        var theta = new TorchSharp.Modules.Parameter(tensor(new[] { -1.5, 2.0 }));
        using var optimizer = new SGD(new[] { theta }, 1e-3, momentum: 0.9);
        for (int t = 0; t < 50; t++)
        {
            optimizer.ZeroGrad();
            surface.Evaluate(theta).backward();
            optimizer.Step();
        }
        Assert.Equal(theta[0].item<double>(), path.End.X, 10);
        Assert.Equal(theta[1].item<double>(), path.End.Y, 10);
        Assert.Equal(surface.Evaluate(path.End.X, path.End.Y), path.FinalLoss, 12);
    }
}
