using Book.Tensors;
using Book.Runtime;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Book.Models;

/// <summary>
/// Seed 001's text classifier, corrected (chapter 09): token ids → Embedding → a recurrent layer →
/// the last hidden state → Linear → one logit per class. Input [batch, time] of int64 token ids; pad
/// short sequences at the front (id 0) so the last step is a real token.
/// </summary>
public sealed class SequenceClassifier : nn.Module<Tensor, Tensor>
{
    readonly Embedding embedding;
    readonly nn.Module recurrent;
    readonly Linear output;

    /// <summary>A classifier over a vocabulary of <paramref name="vocabularySize"/> tokens (id 0 = padding).</summary>
    /// <param name="embeddingSize">Length of each token's vector.</param>
    /// <param name="hiddenSize">Hidden units of the recurrent layer.</param>
    /// <param name="classes">Number of classes (logits out).</param>
    /// <param name="kind">LSTM (as in seed 001), GRU or the from-scratch simple RNN.</param>
    public SequenceClassifier(int vocabularySize, int embeddingSize, int hiddenSize, int classes,
        RecurrentKind kind = RecurrentKind.Lstm, Device? device = null) : base(nameof(SequenceClassifier))
    {
        embedding = nn.Embedding(vocabularySize, embeddingSize, padding_idx: 0);
        recurrent = kind switch
        {
            RecurrentKind.Lstm => nn.LSTM(embeddingSize, hiddenSize, batchFirst: true),
            RecurrentKind.Gru => nn.GRU(embeddingSize, hiddenSize, batchFirst: true),
            RecurrentKind.SimpleRnn => new SimpleRnn(embeddingSize, hiddenSize, CPU),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Expected Lstm, Gru or SimpleRnn."),
        };
        output = nn.Linear(hiddenSize, classes);
        Kind = kind;
        RegisterComponents();
        this.to(device ?? Devices.Default);
    }

    /// <summary>The recurrent layer in use.</summary>
    public RecurrentKind Kind { get; }

    /// <inheritdoc />
    public override Tensor forward(Tensor tokens)
    {
        Shapes.Require(tokens, "token ids", "batch", "time");
        var embedded = embedding.call(tokens);
        var last = recurrent switch
        {
            LSTM lstm => lstm.call(embedded, null).Item1,
            GRU gru => gru.call(embedded, null).Item1,
            SimpleRnn rnn => rnn.call(embedded),
            _ => throw new InvalidOperationException($"Unexpected recurrent layer {recurrent.GetType().Name}."),
        };
        return output.call(last.select(1, -1));
    }
}
