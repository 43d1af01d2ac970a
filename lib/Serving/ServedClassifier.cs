using System.Text.Json;
using Book.Data;
using Book.Models;
using Book.Runtime;
using Book.Training;
using static TorchSharp.torch;

namespace Book.Serving;

/// <summary>
/// A trained binary classifier packaged for serving (chapter 12): what a prediction needs besides the weights
/// travels with them — the layer sizes that rebuild the <see cref="Mlp"/>, the training set's μ and σ that
/// standardise a raw input (z = (x − μ)/σ; without them every prediction is made on the wrong scale), and the
/// class names. A prediction is p = σ(f(z)), the probability of class 1, computed in inference mode: no
/// autograd graph, dropout off. <see cref="Save"/> writes a folder of two files — <c>model.bin</c> (the
/// weights, <see cref="Checkpoint"/>) and <c>bundle.json</c> (the rest) — and <see cref="Load"/> reads it back.
/// </summary>
public sealed class ServedClassifier
{
    const string WeightsFile = "model.bin";
    const string BundleFile = "bundle.json";

    /// <summary>Packages <paramref name="model"/>, built with layer sizes <paramref name="sizes"/>.</summary>
    public ServedClassifier(Mlp model, IReadOnlyList<int> sizes, Standardizer standardizer, IReadOnlyList<string> classes)
    {
        Model = model ?? throw new ArgumentNullException(nameof(model));
        Standardizer = standardizer ?? throw new ArgumentNullException(nameof(standardizer));
        ArgumentNullException.ThrowIfNull(sizes);
        ArgumentNullException.ThrowIfNull(classes);
        if (sizes.Count < 2 || sizes[^1] != 1)
            throw new ArgumentException($"Expected the sizes of a binary classifier (one output logit), got [{string.Join(", ", sizes)}].", nameof(sizes));
        if (classes.Count != 2) throw new ArgumentException($"Expected two class names, got {classes.Count}.", nameof(classes));
        if (standardizer.Mean.numel() != sizes[0])
            throw new ArgumentException($"Expected a standardiser for {sizes[0]} features, got one for {standardizer.Mean.numel()}.", nameof(standardizer));
        (Sizes, Classes) = (sizes.ToArray(), classes.ToArray());
    }

    /// <summary>The network.</summary>
    public Mlp Model { get; }

    /// <summary>Layer sizes, inputs first.</summary>
    public IReadOnlyList<int> Sizes { get; }

    /// <summary>μ and σ of the training features.</summary>
    public Standardizer Standardizer { get; }

    /// <summary>Class names, label 0 first.</summary>
    public IReadOnlyList<string> Classes { get; }

    /// <summary>How many raw features one input has.</summary>
    public int Features => Sizes[0];

    /// <summary>p(class 1 | x) for raw inputs <paramref name="features"/> [batch, features]: a new [batch] float32 tensor on the CPU.</summary>
    public Tensor Probabilities(Tensor features)
    {
        ArgumentNullException.ThrowIfNull(features);
        Model.eval();
        using var inference = inference_mode();
        using var scope = NewDisposeScope();
        var device = Model.parameters().First().device;
        var z = Standardizer.Transform(features.cpu().to_type(ScalarType.Float32)).to(device);
        var weightType = Model.parameters().First().dtype;
        var p = sigmoid(Model.call(z.to_type(weightType)).to_type(ScalarType.Float32)).squeeze(1).cpu();
        return p.clone().MoveToOuterDisposeScope();
    }

    /// <summary>p(class 1) for each row of raw features — the batch function of the prediction service.</summary>
    public IReadOnlyList<double> Probabilities(IReadOnlyList<float[]> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0) return [];
        var flat = new float[rows.Count * Features];
        for (int r = 0; r < rows.Count; r++)
        {
            if (rows[r].Length != Features) throw new ArgumentException($"Expected {Features} features in row {r}, got {rows[r].Length}.", nameof(rows));
            rows[r].CopyTo(flat, r * Features);
        }
        using var x = tensor(flat, new long[] { rows.Count, Features });
        using var p = Probabilities(x);
        return p.data<float>().Select(v => (double)v).ToArray();
    }

    /// <summary>The class name for probability <paramref name="p"/> of class 1 (threshold 0.5).</summary>
    public string Label(double p) => Classes[p >= 0.5 ? 1 : 0];

    /// <summary>A copy with weights of its own, to quantise or convert without touching this model.</summary>
    public ServedClassifier Copy()
    {
        var model = new Mlp(Sizes, device: Model.parameters().First().device);
        model.load_state_dict(Model.state_dict());
        return new ServedClassifier(model, Sizes, Standardizer.FromStatistics(Values(Standardizer.Mean), Values(Standardizer.Std)), Classes);
    }

    /// <summary>Writes <c>model.bin</c> and <c>bundle.json</c> into <paramref name="folder"/> (created if needed).</summary>
    public void Save(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        Checkpoint.Save(Model, Path.Combine(folder, WeightsFile));
        var bundle = new Bundle(Sizes.ToArray(), Classes.ToArray(), Values(Standardizer.Mean), Values(Standardizer.Std));
        AtomicFile.WriteText(Path.Combine(folder, BundleFile), JsonSerializer.Serialize(bundle, BundleJson.Options));
    }

    /// <summary>Reads a folder written by <see cref="Save"/>; errors name the file and what was wrong.</summary>
    public static ServedClassifier Load(string folder, Device? device = null)
    {
        var bundle = BundleJson.Read<Bundle>(Path.Combine(folder, BundleFile));
        if (bundle.Sizes is null || bundle.Classes is null || bundle.Mean is null || bundle.Std is null)
            throw new InvalidDataException($"{Path.Combine(folder, BundleFile)}: expected \"sizes\", \"classes\", \"mean\" and \"std\".");
        var model = new Mlp(bundle.Sizes, device: device);
        Checkpoint.Load(model, Path.Combine(folder, WeightsFile));
        return new ServedClassifier(model, bundle.Sizes, Standardizer.FromStatistics(bundle.Mean, bundle.Std), bundle.Classes);
    }

    static float[] Values(Tensor t) => t.cpu().data<float>().ToArray();

    sealed record Bundle(int[]? Sizes, string[]? Classes, float[]? Mean, float[]? Std);
}
