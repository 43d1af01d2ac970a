using Book.Runtime;
using Book.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Book.Tests.Training;

/// <summary>Small models and data the training tests share.</summary>
static class TrainingFixtures
{
    /// <summary>Two Gaussian blobs in 4-D, labelled 0 and 1, seeded.</summary>
    public static (Tensor X, Tensor Y) TwoBlobs(int samples = 96)
    {
        Reproducibility.Seed(42);
        var y = arange(samples, dtype: int64).remainder(2);
        var x = randn(samples, 4) + y.unsqueeze(1).to_type(float32) * 2.5f;
        return (x, y);
    }

    /// <summary>A 4-16-2 multilayer perceptron on the default device.</summary>
    public static nn.Module<Tensor, Tensor> SmallClassifier() =>
        nn.Sequential(nn.Linear(4, 16), nn.ReLU(), nn.Linear(16, 2)).to(Devices.Default);

    public static readonly TrainingMetric Accuracy = TrainingMetric.Accuracy();

    public static Tensor CrossEntropy(Tensor output, Tensor targets) => nn.functional.cross_entropy(output, targets);

    /// <summary>Climbs the loss instead of descending it: every step makes the model worse.</summary>
    public sealed class GradientAscent(nn.Module model, double learningRate) : IOptimizerStep
    {
        public void Step()
        {
            using var noGrad = no_grad();
            foreach (var p in model.parameters()) p.add_(p.grad!, alpha: learningRate);
        }

        public void ZeroGrad()
        {
            foreach (var p in model.parameters()) p.grad?.zero_();
        }
    }
}
