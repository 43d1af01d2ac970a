using Book.Tensors;
using static TorchSharp.torch;

namespace Book.Models;

/// <summary>
/// Back-propagation through time for an <see cref="RnnCell"/>, written out (chapter 09). The forward pass
/// a_t = W_x x_t + W_h h_{t−1} + b, h_t = tanh(a_t) (h_0 = 0) is unrolled into a deep network whose
/// layers share their weights; the backward pass walks it from t = T down to 1:
/// <code>
/// ∂L/∂h_t = (∂L/∂h_t from the loss) + ∂L/∂a_{t+1} · W_h      the gradient arriving from the future
/// ∂L/∂a_t = ∂L/∂h_t ⊙ (1 − h_t²)                             through tanh
/// ∂L/∂W_x = Σ_t (∂L/∂a_t)ᵀ x_t,  ∂L/∂W_h = Σ_t (∂L/∂a_t)ᵀ h_{t−1},  ∂L/∂b = Σ_t Σ_batch ∂L/∂a_t
/// </code>
/// Because the weights are shared, their gradient is a sum over steps. The gradient reaching step t has
/// been multiplied by W_h and a tanh derivative ≤ 1 once per step in between — which is why it vanishes
/// (or explodes) over long sequences.
/// </summary>
public static class BackpropagationThroughTime
{
    /// <summary>
    /// The gradients of a loss L with respect to the cell's parameters and to every hidden state.
    /// </summary>
    /// <param name="inputs">x_1 … x_T, [batch, time, input].</param>
    /// <param name="states">h_1 … h_T from the forward pass (<see cref="SimpleRnn"/>'s output), [batch, time, hidden].</param>
    /// <param name="lossGradients">∂L/∂h_t as the loss sees each state directly, [batch, time, hidden]
    /// (zero except at t = T when only the last state is used).</param>
    public static RnnGradients Backward(RnnCell cell, Tensor inputs, Tensor states, Tensor lossGradients)
    {
        ArgumentNullException.ThrowIfNull(cell);
        Shapes.Require(inputs, "inputs", "batch", "time", cell.InputSize);
        Shapes.Require(states, "states", inputs.shape[0], inputs.shape[1], cell.HiddenSize);
        Shapes.Require(lossGradients, "loss gradients", inputs.shape[0], inputs.shape[1], cell.HiddenSize);
        using var noGrad = no_grad();
        var (W_h, batch, time) = (cell.HiddenWeights.detach(), inputs.shape[0], inputs.shape[1]);
        var gradW_x = zeros_like(cell.InputWeights);
        var gradW_h = zeros_like(W_h);
        var gradB = zeros_like(cell.Bias);
        var stateGradients = new Tensor[time];
        var fromFuture = zeros(batch, cell.HiddenSize, dtype: states.dtype, device: states.device);
        for (long t = time - 1; t >= 0; t--)
        {
            var h = states.select(1, t);
            var previous = t > 0 ? states.select(1, t - 1) : zeros_like(h);
            stateGradients[t] = lossGradients.select(1, t) + fromFuture;   // ∂L/∂h_t
            var gradA = stateGradients[t] * (1 - h * h);                     // ∂L/∂a_t
            gradW_x += gradA.t().matmul(inputs.select(1, t));
            gradW_h += gradA.t().matmul(previous);
            gradB += gradA.sum(dim: 0);
            fromFuture = gradA.matmul(W_h);
        }
        return new RnnGradients(gradW_x, gradW_h, gradB, stack(stateGradients, 1));
    }
}

/// <summary>What <see cref="BackpropagationThroughTime.Backward"/> computes: ∂L/∂W_x, ∂L/∂W_h, ∂L/∂b and ∂L/∂h_t for every step [batch, time, hidden].</summary>
public sealed record RnnGradients(Tensor InputWeights, Tensor HiddenWeights, Tensor Bias, Tensor HiddenStates);
