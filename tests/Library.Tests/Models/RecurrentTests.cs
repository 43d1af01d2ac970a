using Book.Data;
using Book.Models;
using Book.Runtime;
using Book.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Book.Tests.Models;

[Collection(SeededCollection.Name)]
public class RecurrentTests
{
    [Fact]
    public void The_from_scratch_RNN_matches_nn_RNN_with_the_same_weights_forward_and_backward()
    {
        Reproducibility.Seed(42);
        var reference = nn.RNN(3, 5, batchFirst: true).to(Devices.Default);
        var ours = new SimpleRnn(3, 5);
        ours.Cell.CopyFrom(reference);
        using var x = randn(4, 6, 3, device: Devices.Default);

        var expected = reference.call(x, null).Item1;
        var actual = ours.call(x);

        Assert.Equal(expected.shape, actual.shape);
        Assert.True(actual.allclose(expected, rtol: 1e-5, atol: 1e-6), $"max difference {(actual - expected).abs().max().ToDouble()}");
        expected.pow(2).sum().backward();
        actual.pow(2).sum().backward();
        var grads = reference.named_parameters().ToDictionary(p => p.name, p => p.parameter.grad!);
        var ourGrads = ours.Cell.named_parameters().ToDictionary(p => p.name, p => p.parameter.grad!);
        Assert.True(ourGrads["W_x"].allclose(grads["weight_ih_l0"], rtol: 1e-4, atol: 1e-6));
        Assert.True(ourGrads["W_h"].allclose(grads["weight_hh_l0"], rtol: 1e-4, atol: 1e-6));
        Assert.True(ourGrads["b"].allclose(grads["bias_ih_l0"], rtol: 1e-4, atol: 1e-6));
    }

    [Fact]
    public void A_cell_refuses_a_hidden_state_of_the_wrong_size()
    {
        var cell = new RnnCell(3, 5);
        var error = Assert.Throws<ArgumentException>(() => cell.call(zeros(2, 3), zeros(2, 4)));
        Assert.Equal("expected hidden state of shape [2, 5], got [2, 4]", error.Message);
    }

    [Theory]
    [InlineData(RecurrentKind.Lstm)]
    [InlineData(RecurrentKind.Gru)]
    [InlineData(RecurrentKind.SimpleRnn)]
    public void Every_sequence_classifier_learns_which_token_came_first(RecurrentKind kind)
    {
        // The class is whether the sequence starts with token 1 or token 2; the rest is noise,
        // so the recurrent layer must carry the first token to the last step.
        Reproducibility.Seed(42);
        var first = randint(1, 3, [64, 1]);
        var tokens = cat([first, randint(3, 10, [64, 4])], 1);
        var labels = (first.squeeze(1) - 1).to_type(ScalarType.Int64);
        var model = new SequenceClassifier(vocabularySize: 10, embeddingSize: 8, hiddenSize: 16, classes: 2, kind);
        var trainer = new Trainer(model, (o, y) => nn.functional.cross_entropy(o, y), optim.Adam(model.parameters(), 0.02),
            TrainingMetric.Accuracy()) { ShowProgress = false };
        var batches = new Batches(tokens, labels, 16, shuffle: true);

        var history = trainer.Fit(batches, epochs: 25);

        Assert.Equal(1.0, trainer.Evaluate(batches)["accuracy"]);
        Assert.True(history["loss"][^1] < 0.1, $"final loss {history["loss"][^1]}");
    }
}
