namespace Book.Models;

/// <summary>The kind of a <see cref="RecurrentLayer"/> (chapter 09).</summary>
public enum RecurrentKind
{
    /// <summary>The simple (Elman) RNN, hₜ = tanh(W_x xₜ + W_h hₜ₋₁ + b): <c>nn.RNN</c>, equal to the book's <see cref="SimpleRnn"/>.</summary>
    SimpleRnn,
    /// <summary>Long short-term memory (<c>nn.LSTM</c>, as <see cref="LstmCell"/>): gates decide what the cell state keeps, adds and shows.</summary>
    Lstm,
    /// <summary>Gated recurrent unit (<c>nn.GRU</c>, as <see cref="GruCell"/>): an update and a reset gate, no separate cell state.</summary>
    Gru,
}
