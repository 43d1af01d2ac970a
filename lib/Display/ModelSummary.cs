using Book.Tensors;
using System.Globalization;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Book.Display;

/// <summary>
/// A Keras-like summary of a model (chapter 08): every layer in the order the forward pass reaches it,
/// with its type, the shape of its output for a given input and its number of parameters, then the
/// totals. It is measured, not declared: a zero input of the given shape runs through the model
/// (evaluation mode, no gradients) while forward hooks record each layer's output. So the summary of
/// seed 004's network shows what a 3×3 valid convolution really does to 28×28 (26×26), and parameter
/// counts that follow from the layers (C_out·(C_in·k² + 1) for a convolution, m·(n + 1) for a dense layer).
/// </summary>
public sealed class ModelSummary
{
    ModelSummary(string modelType, long[] inputShape, IReadOnlyList<LayerSummary> layers, long total, long trainable, long bytes)
    {
        (ModelType, InputShape, Layers) = (modelType, inputShape, layers);
        (TotalParameters, TrainableParameters, ParameterBytes) = (total, trainable, bytes);
    }

    /// <summary>One row: a layer's name (its path in the state_dict), type, output shape and own parameters.</summary>
    /// <param name="OutputShape">The output's shape, or null when the forward pass never called the layer.</param>
    public sealed record LayerSummary(string Name, string Type, long[]? OutputShape, long Parameters);

    /// <summary>The summarised model's class name.</summary>
    public string ModelType { get; }
    /// <summary>The input shape the summary was measured with, batch dimension included.</summary>
    public long[] InputShape { get; }
    /// <summary>The layers, in the order the forward pass reached them; layers never called come last.</summary>
    public IReadOnlyList<LayerSummary> Layers { get; }
    /// <summary>Every parameter of the model (Σ of the tensors' element counts).</summary>
    public long TotalParameters { get; }
    /// <summary>Parameters that gradients update (requires_grad).</summary>
    public long TrainableParameters { get; }
    /// <summary>Memory the parameters take, in bytes.</summary>
    public long ParameterBytes { get; }

    /// <summary>Summarises <paramref name="model"/> for float inputs of <paramref name="inputShape"/> (batch first, e.g. 1, 1, 28, 28).</summary>
    public static ModelSummary Of(nn.Module<Tensor, Tensor> model, params long[] inputShape) => Of(model, inputShape, ScalarType.Float32);

    /// <summary>Summarises <paramref name="model"/> for inputs of <paramref name="inputShape"/> and <paramref name="dtype"/> (int64 for token ids).</summary>
    public static ModelSummary Of(nn.Module<Tensor, Tensor> model, long[] inputShape, ScalarType dtype)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(inputShape);
        var layers = model.named_modules().Where(m => !m.module.children().Any() || m.module.parameters(recurse: false).Any()).ToList();
        var outputs = new List<(string Name, long[] Shape)>();
        var removers = new List<Action>();
        foreach (var (name, module) in layers)
            removers.AddRange(Hook(module, shape => { if (!outputs.Any(o => o.Name == name)) outputs.Add((name, shape)); }));
        bool wasTraining = model.training;
        try
        {
            using var scope = NewDisposeScope();
            using var noGrad = no_grad();
            model.eval();
            model.call(zeros(inputShape, dtype, model.parameters().FirstOrDefault()?.device ?? CPU));
        }
        finally
        {
            removers.ForEach(remove => remove());
            model.train(wasTraining);
        }
        int CallOrder(string name) => outputs.FindIndex(o => o.Name == name) is var i and >= 0 ? i : int.MaxValue;
        var rows = layers
            .OrderBy(l => CallOrder(l.name))
            .Select(l => new LayerSummary(l.name, l.module.GetType().Name, outputs.Find(o => o.Name == l.name).Shape,
                Count(l.module.parameters(recurse: !l.module.children().Any()))))
            .ToList();
        var parameters = model.parameters().ToList();
        return new ModelSummary(model.GetType().Name, inputShape, rows, Count(parameters),
            Count(parameters.Where(p => p.requires_grad)), parameters.Sum(p => p.numel() * p.ElementSize));
    }

    /// <summary>The summary as a table: layer (type), output shape, parameters; totals as the footer.</summary>
    public Table ToTable() => new(
        ["layer (type)", "output shape", "parameters"],
        Layers.Select(l => (IReadOnlyList<string>)[
            $"{l.Name} ({l.Type})", l.OutputShape is null ? "(not called)" : Shapes.Of(l.OutputShape), Thousands(l.Parameters)]).ToList(),
        [
            $"Total parameters: {Thousands(TotalParameters)} ({Bytes(ParameterBytes)})",
            $"Trainable parameters: {Thousands(TrainableParameters)}",
            $"Non-trainable parameters: {Thousands(TotalParameters - TrainableParameters)}",
        ]);

    /// <summary>The summary as aligned text, headed by the model and input shape.</summary>
    public override string ToString() => $"{ModelType} on input {Shapes.Of(InputShape)}\n{ToTable().ToText()}";

    /// <summary>Registers a forward hook that reports the output's shape, for the module kinds whose outputs are tensors or start with one.</summary>
    static IEnumerable<Action> Hook(nn.Module module, Action<long[]> record)
    {
        switch (module)
        {
            case nn.Module<Tensor, Tensor> layer:
                var one = layer.register_forward_hook((_, _, output) => { record(output.shape); return output; });
                yield return one.remove;
                break;
            case nn.Module<Tensor, Tensor, Tensor> cell:
                var two = cell.register_forward_hook((_, _, _, output) => { record(output.shape); return output; });
                yield return two.remove;
                break;
            case nn.Module<Tensor, Tensor, (Tensor, Tensor)> recurrent: // RNN, GRU
                var three = recurrent.register_forward_hook((_, _, _, output) => { record(output.Item1.shape); return output; });
                yield return three.remove;
                break;
            case LSTM lstm:
                var four = lstm.register_forward_hook((_, _, _, output) => { record(output.Item1.shape); return output; });
                yield return four.remove;
                break;
        }
    }

    static long Count(IEnumerable<Parameter> parameters) => parameters.Sum(p => p.numel());

    static string Thousands(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    static string Bytes(long bytes)
    {
        string[] units = ["B", "KB", "MB", "GB"];
        double value = bytes;
        int unit = 0;
        for (; value >= 1024 && unit < units.Length - 1; unit++) value /= 1024;
        return value.ToString("F2", CultureInfo.InvariantCulture) + " " + units[unit];
    }
}
