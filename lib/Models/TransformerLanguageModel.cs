using Book.Tensors;
using Book.Attention;
using Book.Runtime;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Book.Models;

/// <summary>
/// A tiny GPT-style language model (chapters 10 and 11): a causal, pre-norm <see cref="TransformerBackbone"/>
/// and a linear layer to one logit per vocabulary token at every position, so position t predicts token
/// t + 1: P(x_{t+1} | x_1…x_t) = softmax(W h_t + b). Input [batch, time] ids, output [batch, time, vocabulary].
/// </summary>
public sealed class TransformerLanguageModel : nn.Module<Tensor, Tensor>
{
    readonly TransformerBackbone encoder;
    readonly Linear head;

    /// <summary>A language model over <paramref name="vocabularySize"/> tokens; see <see cref="TransformerBackbone"/> for the rest.</summary>
    public TransformerLanguageModel(int vocabularySize, int modelSize = 32, int heads = 4, int layers = 2, int feedForwardSize = 64,
        int maxLength = 128, double dropout = 0.1, Device? device = null) : base(nameof(TransformerLanguageModel))
    {
        encoder = new TransformerBackbone(vocabularySize, modelSize, heads, layers, feedForwardSize, maxLength, dropout,
            NormPlacement.PreNorm, causal: true, device: CPU);
        head = nn.Linear(modelSize, vocabularySize);
        VocabularySize = vocabularySize;
        RegisterComponents();
        this.to(device ?? Devices.Default);
    }

    /// <summary>How many distinct tokens there are.</summary>
    public int VocabularySize { get; }

    /// <inheritdoc />
    public override Tensor forward(Tensor tokens) => head.call(encoder.call(tokens));

    /// <summary>
    /// Next-token cross-entropy, −(1/N) Σ log P(target), over every position of every sequence:
    /// logits [batch, time, vocabulary] against targets [batch, time] (the inputs shifted by one).
    /// Pass it to the <c>Trainer</c> as the loss.
    /// </summary>
    public static Tensor Loss(Tensor logits, Tensor targets)
    {
        Shapes.Require(targets, "targets", logits.shape[0], logits.shape[1]);
        return nn.functional.cross_entropy(logits.reshape(-1, logits.shape[2]), targets.reshape(-1));
    }

    /// <summary>
    /// Extends <paramref name="prompt"/> [batch, time] by <paramref name="newTokens"/> tokens, one at a time, each
    /// drawn from softmax(logits / temperature) of the last position (temperature 0: always the most likely).
    /// Draws use TorchSharp's generator, so a seeded run repeats.
    /// </summary>
    public Tensor Generate(Tensor prompt, int newTokens, double temperature = 1.0)
    {
        Shapes.Require(prompt, "prompt", "batch", "time");
        if (newTokens < 0) throw new ArgumentOutOfRangeException(nameof(newTokens), newTokens, "Expected a non-negative number of tokens.");
        if (temperature < 0) throw new ArgumentOutOfRangeException(nameof(temperature), temperature, "Expected a non-negative temperature.");
        bool wasTraining = training;
        eval();
        try
        {
            using var noGrad = no_grad();
            var tokens = prompt.to(head.weight!.device).clone();
            for (int i = 0; i < newTokens; i++)
            {
                Interruption.ThrowIfRequested();
                using var scope = NewDisposeScope();
                long length = Math.Min(tokens.shape[1], encoder.MaxLength);
                var last = call(tokens.narrow(1, tokens.shape[1] - length, length)).select(1, -1);
                var next = temperature == 0 ? last.argmax(-1, keepdim: true)
                    : nn.functional.softmax(last / temperature, -1).multinomial(1);
                var longer = cat([tokens, next], 1).MoveToOuterDisposeScope();
                tokens.Dispose();
                tokens = longer;
            }
            return tokens;
        }
        finally
        {
            train(wasTraining);
        }
    }
}
