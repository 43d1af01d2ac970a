using Book.Data;
using Book.LargeModels;
using Book.Models;
using Book.Runtime;
using Book.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Book.Bench;

/// <summary>A model of the book and the data it trains on for the throughput comparison.</summary>
/// <param name="Name">As the table names it, e.g. "MLP 784-256-10".</param>
/// <param name="Create">Builds the model (after the seed is set, so every run starts from the same weights).</param>
sealed record TrainingCase(string Name, Func<nn.Module<Tensor, Tensor>> Create, Tensor X, Tensor Y, int BatchSize, int Epochs,
    Func<Tensor, Tensor, Tensor>? Loss = null)
{
    /// <summary>The loss both loops minimise: <see cref="Loss"/>, or cross-entropy over classes.</summary>
    public Func<Tensor, Tensor, Tensor> LossFunction => Loss ?? ((output, target) => nn.functional.cross_entropy(output, target));

    /// <summary>How many samples one epoch sees.</summary>
    public long Samples => X.shape[0];
}

/// <summary>
/// The library's overhead in training: the same model, data, seed, optimizer (TorchSharp's Adam, η = 10⁻³),
/// batch size and thread count, trained once through <see cref="Trainer.Fit"/> (with its progress display, its
/// loss bookkeeping and its dispose scopes) and once by the shortest correct hand-written TorchSharp loop
/// (a permutation per epoch, a dispose scope per step, forward, loss, zero_grad, backward, step).
/// </summary>
static class TrainingThroughput
{
    /// <summary>The book's four model families, on Fashion-MNIST (images) and synthetic token sequences.</summary>
    public static IReadOnlyList<TrainingCase> Cases(BenchSize size)
    {
        var fashion = Datasets.FashionMnist().Train;
        long images = Math.Min(size.Images, fashion.Count);
        var x = fashion.X.narrow(0, 0, images);
        var y = fashion.Y.narrow(0, 0, images);
        Reproducibility.Seed(42, 1);
        // Token sequences whose class is whether the first token is in the upper half of the vocabulary.
        const int vocabulary = 64, length = 32;
        var tokens = randint(1, vocabulary, [size.Sequences, length], dtype: ScalarType.Int64);
        var labels = tokens.select(1, 0).ge(vocabulary / 2).to_type(ScalarType.Int64);
        // A model that costs almost nothing per step, so that the loop's own per-step cost is what is timed.
        var features = randn(size.Sequences * 4, 16);
        var classes = randint(0, 2, [size.Sequences * 4]);
        return
        [
            new("Tiny MLP 16-16-2 (random data: the loop's own cost per step)", () => new Mlp([16, 16, 2]), features, classes, 16, size.Epochs),
            new("MLP 784-256-10 (Fashion-MNIST)", () => new Mlp([784, 256, 10]), x.reshape(images, 784), y, 64, size.Epochs),
            new("CNN conv32-conv64-dense128 (Fashion-MNIST)", () => Cnn.Mnist(), x, y, 64, size.Epochs),
            new("LSTM classifier, embedding 32, hidden 64 (sequences of 32 tokens)",
                () => new SequenceClassifier(vocabulary, 32, 64, 2), tokens, labels, 32, size.Epochs),
            new("Transformer language model, d 32, 4 heads, 2 layers (next token of 31)",
                () => new TransformerLanguageModel(TransformerConfig.DecoderOnly(vocabulary, length - 1, 32, 2, 4)),
                tokens[.., ..^1], tokens[.., 1..], 32, size.Epochs, TransformerLanguageModel.Loss),
        ];
    }

    /// <summary>Seconds per epoch of the hand-written loop (A) and of the Trainer (B), run alternately.</summary>
    public static Comparison Compare(TrainingCase c, int runs, Action<string> progress) =>
        Timing.Alternate(() => Train(c, HandWritten), () => Train(c, WithTrainer), runs,
            run => progress($"{c.Name}: run {run}/{runs}"));

    /// <summary>Seconds per epoch of the hand-written loop alone (the PyTorch comparison reuses it).</summary>
    public static double HandWrittenSecondsPerEpoch(TrainingCase c) => Train(c, HandWritten);

    delegate void Loop(nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer, TrainingCase c);

    static double Train(TrainingCase c, Loop loop)
    {
        Reproducibility.Seed(42, 1);
        using var model = c.Create();
        using var optimizer = optim.Adam(model.parameters(), 1e-3);
        return Timing.CpuSeconds(() => loop(model, optimizer, c)) / c.Epochs;
    }

    /// <summary>The loop a TorchSharp user writes by hand.</summary>
    static void HandWritten(nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer, TrainingCase c)
    {
        model.train();
        for (int epoch = 0; epoch < c.Epochs; epoch++)
        {
            using var order = randperm(c.Samples);
            for (long start = 0; start < c.Samples; start += c.BatchSize)
            {
                using var scope = NewDisposeScope();
                var rows = order.narrow(0, start, Math.Min(c.BatchSize, c.Samples - start));
                var loss = c.LossFunction(model.call(c.X.index_select(0, rows)), c.Y.index_select(0, rows));
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
            }
        }
    }

    /// <summary>The book's way: <see cref="Trainer.Fit"/> over shuffled <see cref="Batches"/>, progress shown (to a discarded console).</summary>
    static void WithTrainer(nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer, TrainingCase c)
    {
        var trainer = new Trainer(model, c.LossFunction, optimizer);
        var console = Console.Out;
        Console.SetOut(TextWriter.Null);
        try
        {
            trainer.Fit(new Batches(c.X, c.Y, c.BatchSize, shuffle: true), c.Epochs);
        }
        finally
        {
            Console.SetOut(console);
        }
    }
}
