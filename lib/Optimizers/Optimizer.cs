using Book.Training;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Book.Optimizers;

/// <summary>
/// What every optimizer of chapter 4 shares: a list of parameters, a learning rate η that a
/// schedule may change between steps, <see cref="ZeroGrad"/> and <see cref="Step"/>.
/// A step reads each parameter's gradient g = ∂J/∂θ (filled by <c>loss.backward()</c>) and applies
/// the subclass's update rule θ ← θ − η·(direction) in place, outside autograd.
/// Per-parameter state (momentum, moment estimates) lives in tensors this class allocates and frees.
/// </summary>
public abstract class Optimizer : IOptimizerStep, IDisposable
{
    readonly List<Tensor> state = new();
    double learningRate;

    /// <param name="parameters">The tensors to train, e.g. <c>model.parameters()</c>.</param>
    /// <param name="learningRate">η, the step size; must be positive.</param>
    protected Optimizer(IEnumerable<Parameter> parameters, double learningRate)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        Parameters = parameters.ToList();
        if (Parameters.Count == 0) throw new ArgumentException("Expected at least one parameter to optimize, got none.", nameof(parameters));
        LearningRate = learningRate;
    }

    /// <summary>The parameters this optimizer updates, in order.</summary>
    public IReadOnlyList<Parameter> Parameters { get; }

    /// <summary>η, the learning rate of the next step (schedules set it between steps).</summary>
    public double LearningRate
    {
        get => learningRate;
        set
        {
            if (!(value > 0) || double.IsInfinity(value))
                throw new ArgumentOutOfRangeException(nameof(LearningRate), value, $"Expected a positive, finite learning rate, got {value}.");
            learningRate = value;
        }
    }

    /// <summary>t, the number of steps taken so far (Adam's bias correction uses it).</summary>
    public int StepCount { get; private set; }

    /// <summary>Forgets the gradients of the last backward pass (they accumulate otherwise).</summary>
    public void ZeroGrad()
    {
        foreach (var parameter in Parameters) parameter.grad?.zero_();
    }

    /// <summary>Applies one update to every parameter that has a gradient.</summary>
    public void Step()
    {
        StepCount++;
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        for (int i = 0; i < Parameters.Count; i++)
        {
            var gradient = Parameters[i].grad;
            if (gradient is null) continue;
            Update(i, Parameters[i], gradient);
        }
    }

    /// <summary>The update rule: changes <paramref name="parameter"/> in place, given its gradient.</summary>
    /// <param name="index">The parameter's position in <see cref="Parameters"/>, to find its state.</param>
    protected abstract void Update(int index, Tensor parameter, Tensor gradient);

    /// <summary>
    /// The gradient of the loss plus an L2 penalty ½λ‖θ‖², g + λθ: the classic weight decay of SGD, Adagrad,
    /// RMSprop and Adam (AdamW decouples it instead). Returns <paramref name="gradient"/> itself when λ = 0.
    /// </summary>
    protected static Tensor WithL2Penalty(Tensor gradient, Tensor parameter, double weightDecay) =>
        weightDecay == 0 ? gradient : gradient.add(parameter, alpha: weightDecay);

    /// <summary>One zero tensor shaped like each parameter, kept (and freed) by this optimizer.</summary>
    protected Tensor[] ZerosLikeParameters()
    {
        var buffers = Parameters.Select(p => zeros_like(p).DetachFromDisposeScope()).ToArray();
        state.AddRange(buffers);
        return buffers;
    }

    /// <summary>Frees the optimizer's state tensors.</summary>
    public void Dispose()
    {
        foreach (var tensor in state) tensor.Dispose();
        state.Clear();
        GC.SuppressFinalize(this);
    }
}
