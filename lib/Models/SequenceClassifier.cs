using Book.Runtime;
using Book.Tensors;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Book.Models;

/// <summary>
/// Seed 001's text classifier, corrected (chapter 09): token ids → Embedding → a <see cref="RecurrentLayer"/>
/// → its last hidden state → Linear → one logit per class. Input [batch, time] of int64 token ids; pad
/// short sequences at the front (id 0) so the last step is a real token. The embedding of id 0 is kept at
/// zero (padding_idx).
/// </summary>
public sealed class SequenceClassifier : nn.Module<Tensor, Tensor>
{
    readonly Embedding embedding;
    readonly RecurrentLayer recurrent;
    readonly Linear output;

    /// <summary>A classifier over a vocabulary of <paramref name="vocabularySize"/> tokens (id 0 = padding).</summary>
    /// <param name="embeddingSize">Length of each token's vector.</param>
    /// <param name="hiddenSize">Hidden units of the recurrent layer.</param>
    /// <param name="classes">Number of classes (logits out).</param>
    /// <param name="kind">LSTM (as in seed 001), GRU or the simple RNN.</param>
    /// <param name="layers">Stacked recurrent layers.</param>
    public SequenceClassifier(int vocabularySize, int embeddingSize, int hiddenSize, int classes,
        RecurrentKind kind = RecurrentKind.Lstm, int layers = 1, Device? device = null) : base(nameof(SequenceClassifier))
    {
        embedding = nn.Embedding(vocabularySize, embeddingSize, padding_idx: 0);
        recurrent = new RecurrentLayer(kind, embeddingSize, hiddenSize, layers, CPU);
        output = nn.Linear(hiddenSize, classes);
        RegisterComponents();
        this.to(device ?? Devices.Default);
    }

    /// <summary>The recurrent layer in use.</summary>
    public RecurrentKind Kind => recurrent.Kind;

    /// <summary>The recurrent layer, e.g. to measure its gradient over time on <see cref="Embed"/>'s output.</summary>
    public RecurrentLayer Recurrent => recurrent;

    /// <summary>The embedded tokens, [batch, time, embedding]: the sequence of vectors the recurrent layer reads.</summary>
    public Tensor Embed(Tensor tokens) => embedding.call(tokens);

    /// <inheritdoc />
    public override Tensor forward(Tensor tokens)
    {
        Shapes.Require(tokens, "token ids", "batch", "time");
        return output.call(recurrent.LastState(Embed(tokens)));
    }
}
