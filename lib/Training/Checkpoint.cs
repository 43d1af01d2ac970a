using Book.Runtime;
using static TorchSharp.torch;

namespace Book.Training;

/// <summary>
/// Saves a model's weights (its <c>state_dict</c>: every parameter and buffer, by name) to a file and
/// loads them back into a model of the same architecture — how a trained model is kept for serving
/// (chapters 07 and 11). The format is TorchSharp's own (<c>Module.save</c> / <c>Module.load</c>).
/// </summary>
public static class Checkpoint
{
    /// <summary>
    /// Writes the weights of <paramref name="model"/> to <paramref name="path"/>, creating its folder, with
    /// <see cref="AtomicFile"/>: an interrupted save never leaves a half-written checkpoint in place of a good one.
    /// </summary>
    public static void Save(nn.Module model, string path)
    {
        ArgumentNullException.ThrowIfNull(model);
        AtomicFile.Write(path, temporary => model.save(temporary));
    }

    /// <summary>Reads weights saved by <see cref="Save"/> into <paramref name="model"/>, which must have the same layers and shapes.</summary>
    public static void Load(nn.Module model, string path)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!File.Exists(path)) throw new FileNotFoundException($"Expected a checkpoint file at '{Path.GetFullPath(path)}', found none.", path);
        try
        {
            model.load(path, strict: true);
        }
        catch (ArgumentException error)
        {
            throw new InvalidOperationException(
                $"The checkpoint '{path}' does not fit this {model.GetType().Name}: {error.Message}", error);
        }
    }
}
