namespace Book.Models;

/// <summary>The recurrent layer a <see cref="SequenceClassifier"/> uses (chapter 09).</summary>
public enum RecurrentKind
{
    /// <summary>The book's from-scratch <see cref="SimpleRnn"/>: hₜ = tanh(W_x xₜ + W_h hₜ₋₁ + b).</summary>
    SimpleRnn,
    /// <summary>Long short-term memory (<c>nn.LSTM</c>): gates decide what the cell state keeps, adds and shows.</summary>
    Lstm,
    /// <summary>Gated recurrent unit (<c>nn.GRU</c>): an update and a reset gate, no separate cell state.</summary>
    Gru,
}
