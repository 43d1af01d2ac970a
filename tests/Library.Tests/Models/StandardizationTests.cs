using TorchSharp;
using Book.Data;
using Book.Models;
using Book.Training;
using static TorchSharp.torch;

namespace Book.Tests.Models;

public sealed class StandardizationTests : IDisposable
{
    readonly string folder = Directory.CreateTempSubdirectory("book-standardization-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void The_layer_computes_what_the_standardizer_computes_and_has_nothing_to_train()
    {
        var generator = new TorchSharp.torch.Generator(2);
        var train = randn([50, 4], generator: generator) * 3 + 7;
        var rows = randn([5, 4], generator: generator) * 3 + 7;
        using var standardizer = Standardizer.Fit(train);

        var layer = new Standardization(standardizer);

        Assert.True(layer.call(rows).allclose(standardizer.Transform(rows)));
        Assert.Empty(layer.parameters());
        Assert.Equal(["mean", "std"], layer.state_dict().Keys);
    }

    [Fact]
    public void Saved_with_the_model_its_mean_and_deviation_come_back_with_the_weights()
    {
        var train = arange(40, dtype: ScalarType.Float32).reshape(10, 4);
        using var standardizer = Standardizer.Fit(train);
        var model = nn.Sequential(("standardize", new Standardization(standardizer)), ("linear", nn.Linear(4, 1)));
        string path = Path.Combine(folder, "model.bin");
        Checkpoint.Save(model, path);

        var fresh = new Standardization(features: 4);
        var reloaded = nn.Sequential(("standardize", fresh), ("linear", nn.Linear(4, 1)));
        Checkpoint.Load(reloaded, path);

        Assert.True(fresh.Mean.allclose(standardizer.Mean, rtol: 0, atol: 0));
        Assert.True(fresh.Std.allclose(standardizer.Std, rtol: 0, atol: 0));
        Assert.True(reloaded.call(train).allclose(model.call(train), rtol: 0, atol: 0));
    }

    [Fact]
    public void Rows_of_the_wrong_width_are_named()
    {
        var error = Assert.Throws<ArgumentException>(() => new Standardization(features: 30).call(zeros(2, 31)));
        Assert.Equal("expected input of shape [batch, 30], got [2, 31]", error.Message);
    }
}
