using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Book.Optimizers;

/// <summary>
/// Stochastic gradient descent, chapter 4. Plain, it is the rule of the source article (seed 000, §4.2):
/// <code>θ_{t+1} = θ_t − η·g_t,   g_t = ∇_θ J(θ_t)</code>
/// With weight decay λ the gradient becomes g_t + λθ_t (the gradient of an extra ½λ‖θ‖² in the loss).
/// With momentum μ a velocity accumulates past gradients, v_t = μ·v_{t−1} + g_t (v_0 = 0), and
/// <code>θ_{t+1} = θ_t − η·v_t</code>
/// Nesterov momentum looks one step ahead: <c>θ_{t+1} = θ_t − η·(g_t + μ·v_t)</c>.
/// These are exactly the rules of <c>torch.optim.SGD</c> (with zero dampening).
/// </summary>
public sealed class SGD : Optimizer
{
    readonly Tensor[]? velocity;

    /// <param name="parameters">The tensors to train.</param>
    /// <param name="learningRate">η.</param>
    /// <param name="momentum">μ in [0, 1); 0 is plain SGD.</param>
    /// <param name="nesterov">Use Nesterov's look-ahead (needs μ &gt; 0).</param>
    /// <param name="weightDecay">λ ≥ 0, the L2 penalty coefficient.</param>
    public SGD(IEnumerable<Parameter> parameters, double learningRate, double momentum = 0, bool nesterov = false, double weightDecay = 0)
        : base(parameters, learningRate)
    {
        if (momentum is < 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(momentum), momentum, $"Expected momentum in [0, 1), got {momentum}.");
        if (nesterov && momentum == 0) throw new ArgumentException("Nesterov momentum needs a momentum μ > 0, got μ = 0.", nameof(nesterov));
        if (weightDecay < 0) throw new ArgumentOutOfRangeException(nameof(weightDecay), weightDecay, $"Expected a non-negative weight decay, got {weightDecay}.");
        Momentum = momentum;
        Nesterov = nesterov;
        WeightDecay = weightDecay;
        if (momentum > 0) velocity = ZerosLikeParameters();
    }

    /// <summary>μ, the momentum coefficient.</summary>
    public double Momentum { get; }

    /// <summary>Whether the step uses Nesterov's look-ahead gradient.</summary>
    public bool Nesterov { get; }

    /// <summary>λ, the L2 weight-decay coefficient.</summary>
    public double WeightDecay { get; }

    /// <inheritdoc />
    protected override void Update(int index, Tensor parameter, Tensor gradient)
    {
        var g = WithL2Penalty(gradient, parameter, WeightDecay);
        if (velocity is null)
        {
            parameter.add_(g, alpha: -LearningRate);                        // θ −= η·g
            return;
        }
        var v = velocity[index];
        v.mul_(Momentum).add_(g);                                           // v = μv + g
        parameter.add_(Nesterov ? g + Momentum * v : v, alpha: -LearningRate);   // θ −= η·(g + μv) or η·v
    }
}
