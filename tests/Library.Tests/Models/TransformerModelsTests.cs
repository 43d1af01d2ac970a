using Book.Data;
using Book.Display;
using Book.Models;
using Book.Runtime;
using Book.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Book.Tests.Models;

[Collection(SeededCollection.Name)]
public class TransformerModelsTests
{
    [Fact]
    public void The_classifier_learns_whether_a_token_occurs_and_ignores_padding()
    {
        // Label 1 when token 2 occurs among the real tokens; the padding (0) at the end varies in length.
        Reproducibility.Seed(42);
        var tokens = randint(2, 10, [128, 6]);
        var lengths = randint(3, 7, [128, 1]);
        tokens = tokens.masked_fill(arange(6).unsqueeze(0).ge(lengths), 0);
        var labels = tokens.eq(2).any(1).to_type(ScalarType.Int64);
        var model = new TransformerClassifier(vocabularySize: 10, classes: 2, modelSize: 16, heads: 2, layers: 1, feedForwardSize: 32, dropout: 0);
        var trainer = new Trainer(model, (o, y) => nn.functional.cross_entropy(o, y), optim.Adam(model.parameters(), 0.01),
            TrainingMetric.Accuracy()) { ShowProgress = false };
        var batches = new Batches(tokens, labels, 32, shuffle: true);

        trainer.Fit(batches, epochs: 30);

        Assert.True(trainer.Evaluate(batches)["accuracy"] > 0.95);
        // Padding changes nothing: the same sequence with more padding gets the same logits.
        model.eval();
        using var shortSequence = tensor(new long[] { 3, 2, 5, 0 }, 1, 4).to(Devices.Default);
        using var longer = tensor(new long[] { 3, 2, 5, 0, 0, 0 }, 1, 6).to(Devices.Default);
        Assert.True(model.call(shortSequence).allclose(model.call(longer), rtol: 1e-5, atol: 1e-5));
    }

    [Fact]
    public void The_language_model_learns_to_count_and_generates_the_continuation()
    {
        // Windows of the cycle 0 1 2 … 7 0 1 …; the target of each position is the next number.
        Reproducibility.Seed(42);
        var starts = arange(64).remainder(8).unsqueeze(1);
        var sequence = (starts + arange(9).unsqueeze(0)).remainder(8);
        var (inputs, targets) = (sequence.narrow(1, 0, 8), sequence.narrow(1, 1, 8));
        var model = new TransformerLanguageModel(vocabularySize: 8, modelSize: 16, heads: 2, layers: 1, feedForwardSize: 32, maxLength: 16, dropout: 0);
        var trainer = new Trainer(model, TransformerLanguageModel.Loss, optim.Adam(model.parameters(), 0.01)) { ShowProgress = false };

        var history = trainer.Fit(new Batches(inputs, targets, 16, shuffle: true), epochs: 20);

        Assert.True(history["loss"][^1] < 0.05, $"final loss {history["loss"][^1]}");
        using var prompt = tensor(new long[] { 3 }, 1, 1);
        using var generated = model.Generate(prompt, newTokens: 12, temperature: 0);
        Assert.Equal([3L, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7], generated.cpu().data<long>().ToArray());
    }

    [Fact]
    public void Causal_attention_makes_earlier_outputs_independent_of_later_tokens()
    {
        Reproducibility.Seed(42);
        var model = new TransformerLanguageModel(vocabularySize: 8, modelSize: 16, heads: 2, layers: 2, dropout: 0);
        using var a = tensor(new long[] { 1, 2, 3, 4 }, 1, 4).to(Devices.Default);
        using var b = tensor(new long[] { 1, 2, 7, 0 }, 1, 4).to(Devices.Default);

        using var first = model.call(a).narrow(1, 0, 2);
        using var second = model.call(b).narrow(1, 0, 2);

        Assert.True(first.allclose(second, rtol: 1e-5, atol: 1e-6));
    }

    [Fact]
    public void Seeded_sampling_repeats()
    {
        var model = new TransformerLanguageModel(vocabularySize: 8, modelSize: 16, heads: 2, layers: 1);
        using var prompt = tensor(new long[] { 1, 2 }, 1, 2);

        Reproducibility.Seed(3);
        var first = model.Generate(prompt, 10).data<long>().ToArray();
        Reproducibility.Seed(3);
        var second = model.Generate(prompt, 10).data<long>().ToArray();

        Assert.Equal(first, second);
    }

    [Fact]
    public void The_summary_of_a_transformer_lists_its_projections()
    {
        var model = new TransformerClassifier(vocabularySize: 10, classes: 2, modelSize: 16, heads: 2, layers: 1, feedForwardSize: 32);

        var summary = ModelSummary.Of(model, [2, 6], ScalarType.Int64);

        Assert.Contains(summary.Layers, l => l.Name == "encoder.blocks.0.attention.W_q" && l.OutputShape!.SequenceEqual([2L, 6, 16]) && l.Parameters == 16 * 17);
        Assert.Equal(model.parameters().Sum(p => p.numel()), summary.Layers.Sum(l => l.Parameters));
    }
}
