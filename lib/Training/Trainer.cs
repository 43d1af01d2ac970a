using Book.Data;
using Book.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace Book.Training;

/// <summary>
/// The training loop of chapter 07, written once: for every batch, forward pass, loss, backward pass,
/// optimizer step — θ ← step(θ, ∇θ L(f_θ(x), y)) — then the epoch's mean loss and metrics on the
/// training and validation data, recorded in a <see cref="History"/>.
/// Each step runs in its own <c>torch.NewDisposeScope()</c>, so the tensors it creates (the batch, the
/// activations, the gradients' temporaries) are freed when it ends and memory stays flat however long
/// training runs; each step also calls <see cref="Interruption.ThrowIfRequested"/>, so a notebook's
/// interrupt or timeout stops training between two batches.
/// Batches are moved to the device of the model's parameters, so a model moved to
/// <see cref="Devices.Default"/> trains unchanged on CPU or CUDA.
/// </summary>
public sealed class Trainer
{
    readonly nn.Module<Tensor, Tensor> model;
    readonly Func<Tensor, Tensor, Tensor> loss;
    readonly IOptimizerStep optimizer;
    readonly TrainingMetric[] metrics;

    /// <summary>A trainer for <paramref name="model"/>, whose parameters <paramref name="optimizer"/> updates.</summary>
    /// <param name="loss">(model output, targets) → scalar loss, e.g. <c>(o, y) =&gt; nn.functional.cross_entropy(o, y)</c>.</param>
    /// <param name="metrics">Quantities reported next to the loss, e.g. accuracy.</param>
    public Trainer(nn.Module<Tensor, Tensor> model, Func<Tensor, Tensor, Tensor> loss, IOptimizerStep optimizer, params TrainingMetric[] metrics)
    {
        this.model = model ?? throw new ArgumentNullException(nameof(model));
        this.loss = loss ?? throw new ArgumentNullException(nameof(loss));
        this.optimizer = optimizer ?? throw new ArgumentNullException(nameof(optimizer));
        this.metrics = metrics;
        var duplicate = metrics.Select(m => m.Name).Append("loss").GroupBy(n => n).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new ArgumentException($"Expected distinct metric names, got '{duplicate.Key}' twice.", nameof(metrics));
    }

    /// <summary>A trainer driven by one of TorchSharp's optimizers (<c>torch.optim.Adam(model.parameters())</c>, …).</summary>
    public Trainer(nn.Module<Tensor, Tensor> model, Func<Tensor, Tensor, Tensor> loss, optim.Optimizer optimizer, params TrainingMetric[] metrics)
        : this(model, loss, new TorchOptimizerStep(optimizer), metrics) { }

    /// <summary>Whether <see cref="Fit"/> shows progress: a live line in a notebook, a progress bar in a terminal.</summary>
    public bool ShowProgress { get; set; } = true;

    /// <summary>Where the model's parameters live, and so where batches are moved.</summary>
    public Device Device => model.parameters().FirstOrDefault()?.device ?? Devices.Default;

    /// <summary>Trains for <paramref name="epochs"/> passes over <paramref name="train"/>.</summary>
    /// <param name="train">The training batches; enumerated once per epoch (see <see cref="Batches"/>).</param>
    /// <param name="validation">Batches evaluated after every epoch and recorded under the prefix <c>val_</c>.</param>
    /// <param name="callbacks">Consulted after every epoch, e.g. <see cref="EarlyStopping"/>.</param>
    public History Fit(IEnumerable<(Tensor X, Tensor Y)> train, int epochs, IEnumerable<(Tensor X, Tensor Y)>? validation = null,
        params ITrainingCallback[] callbacks)
    {
        ArgumentNullException.ThrowIfNull(train);
        if (epochs < 1) throw new ArgumentOutOfRangeException(nameof(epochs), epochs, "Expected at least one epoch.");
        var history = new History();
        var progress = ShowProgress ? TrainingProgress.ForCurrentOutput(epochs, train)
            : TrainingProgress.Silent;
        try
        {
            for (int epoch = 1; epoch <= epochs; epoch++)
            {
                int current = epoch;
                var values = Run(train, training: true, (batch, meanLoss) => progress.Batch(current, batch, "loss", meanLoss));
                if (validation is not null)
                    foreach (var (name, value) in Run(validation, training: false, null)) values["val_" + name] = value;
                var record = new EpochRecord(epoch, values);
                history.Add(record);
                progress.Epoch(record);
                var reasons = callbacks.Select(c => c.OnEpochEnd(model, history)).ToList();
                history.StopReason = reasons.FirstOrDefault(r => r is not null);
                if (history.StopReason is not null) break;
            }
        }
        finally
        {
            foreach (var callback in callbacks) callback.OnTrainEnd(model, history);
            progress.Finish(history);
        }
        return history;
    }

    /// <summary>The mean loss and metrics of the model on <paramref name="data"/>, without training (eval mode, no gradients).</summary>
    public IReadOnlyDictionary<string, double> Evaluate(IEnumerable<(Tensor X, Tensor Y)> data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Run(data, training: false, null);
    }

    /// <summary>The model's outputs for every batch of inputs, concatenated along dimension 0 (eval mode, no gradients).</summary>
    public Tensor Predict(IEnumerable<Tensor> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var outputs = new List<Tensor>();
        var device = Device;
        using (InMode(training: false))
        {
            foreach (var x in StepScopes.Each(inputs))
                outputs.Add(model.call(x.to(device)).DetachFromDisposeScope());
        }
        if (outputs.Count == 0) throw new ArgumentException("Expected at least one batch of inputs, got none.", nameof(inputs));
        var all = cat(outputs, 0);
        outputs.ForEach(o => o.Dispose());
        return all;
    }

    /// <summary>The model's outputs for the inputs of <paramref name="batches"/> (targets are ignored).</summary>
    public Tensor Predict(IEnumerable<(Tensor X, Tensor Y)> batches) => Predict(batches.Select(b => b.X));

    /// <summary>The model's outputs for <paramref name="inputs"/>, computed <paramref name="batchSize"/> samples at a time.</summary>
    public Tensor Predict(Tensor inputs, int batchSize = 256)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (batchSize < 1) throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "Expected a batch size of at least 1.");
        return Predict(Chunks(inputs, batchSize));
    }

    Dictionary<string, double> Run(IEnumerable<(Tensor X, Tensor Y)> data, bool training, Action<int, Func<double>>? onBatch)
    {
        var device = Device;
        // Σ n·loss and Σ n·metric stay on the device: a step never waits to read a number back,
        // only the (throttled) progress display and the epoch's end do.
        using var lossSum = zeros(1, dtype: ScalarType.Float64, device: device);
        var metricSums = metrics.Select(_ => zeros(1, dtype: ScalarType.Float64, device: device)).ToArray();
        long samples = 0;
        int batch = 0;
        try
        {
            using var mode = InMode(training);
            foreach (var (inputs, targets) in StepScopes.Each(data))
            {
                var (x, y) = (OnDevice(inputs, device), OnDevice(targets, device));
                var output = model.call(x);
                var batchLoss = loss(output, y);
                if (training)
                {
                    optimizer.ZeroGrad();
                    batchLoss.backward();
                    optimizer.Step();
                }
                long n = x.size(0);
                using (no_grad())
                {
                    lossSum.add_(batchLoss, alpha: n);
                    for (int m = 0; m < metrics.Length; m++) metricSums[m].add_(metrics[m].Compute(output, y), alpha: n);
                }
                samples += n;
                long seen = samples;
                onBatch?.Invoke(++batch, () => lossSum.ToDouble() / seen);
            }
            if (samples == 0) throw new ArgumentException("Expected at least one batch of data, got none.", nameof(data));
            var values = new Dictionary<string, double> { ["loss"] = lossSum.ToDouble() / samples };
            for (int m = 0; m < metrics.Length; m++) values[metrics[m].Name] = metricSums[m].ToDouble() / samples;
            return values;
        }
        finally
        {
            foreach (var sum in metricSums) sum.Dispose();
        }
    }

    /// <summary>The tensor itself when it is already on <paramref name="device"/> (no new handle per step), otherwise a copy there.</summary>
    static Tensor OnDevice(Tensor tensor, Device device) =>
        tensor.device_type == device.type && (device.index < 0 || tensor.device_index == device.index) ? tensor : tensor.to(device);

    /// <summary>Puts the model in training or evaluation mode (and turns gradients off for evaluation) until disposed.</summary>
    IDisposable InMode(bool training)
    {
        bool wasTraining = model.training;
        model.train(training);
        var gradients = training ? null : no_grad();
        return new Restore(() =>
        {
            gradients?.Dispose();
            model.train(wasTraining);
        });
    }

    sealed class Restore(Action undo) : IDisposable
    {
        public void Dispose() => undo();
    }

    static IEnumerable<Tensor> Chunks(Tensor inputs, int batchSize)
    {
        for (long start = 0; start < inputs.shape[0]; start += batchSize)
            yield return inputs.narrow(0, start, Math.Min(batchSize, inputs.shape[0] - start));
    }
}
