using Book.Data;
using Book.Runtime;
using Book.Training;
using TorchSharp;
using static Book.Tests.Training.TrainingFixtures;
using static TorchSharp.torch;

namespace Book.Tests.Training;

public class CheckpointTests
{
    [Fact]
    public void A_checkpoint_round_trips_every_weight_exactly()
    {
        var (x, y) = TwoBlobs();
        var trained = SmallClassifier();
        new Trainer(trained, CrossEntropy, optim.Adam(trained.parameters(), 0.01)) { ShowProgress = false }
            .Fit(new Batches(x, y, 16), epochs: 2);
        string path = Path.Combine(Path.GetTempPath(), $"book-checkpoint-{Guid.NewGuid():N}", "model.bin");
        try
        {
            Checkpoint.Save(SmallClassifier(), path);
            Checkpoint.Save(trained, path);                       // over an older checkpoint
            Assert.Equal(["model.bin"], Directory.GetFiles(Path.GetDirectoryName(path)!).Select(Path.GetFileName));
            Reproducibility.Seed(7);
            var restored = SmallClassifier();
            Assert.False(Identical(restored.parameters().First(), trained.parameters().First()));

            Checkpoint.Load(restored, path);

            var before = trained.state_dict();
            var after = restored.state_dict();
            Assert.Equal(before.Keys, after.Keys);
            foreach (var name in before.Keys) Assert.True(Identical(before[name], after[name]), $"{name} differs after loading");
            using var xs = x.to(Devices.Default);
            Assert.True(Identical(trained.call(xs), restored.call(xs)));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }

    static bool Identical(Tensor a, Tensor b) => a.shape.SequenceEqual(b.shape) && a.eq(b).all().item<bool>();

    [Fact]
    public void Loading_into_a_different_architecture_names_the_problem()
    {
        string path = Path.Combine(Path.GetTempPath(), $"book-checkpoint-{Guid.NewGuid():N}.bin");
        try
        {
            Checkpoint.Save(SmallClassifier(), path);
            var wider = nn.Sequential(nn.Linear(4, 32), nn.ReLU(), nn.Linear(32, 2));

            var error = Assert.ThrowsAny<Exception>(() => Checkpoint.Load(wider, path));

            Assert.Contains(path, error.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Loading_a_missing_file_says_where_it_looked()
    {
        var error = Assert.Throws<FileNotFoundException>(() => Checkpoint.Load(SmallClassifier(), "no/such/model.bin"));
        Assert.Contains("no/such/model.bin", error.Message);
    }
}
