using Book.Tensors;
using static TorchSharp.torch;

namespace Book.Data;

/// <summary>
/// An image-classification dataset from IDX files (Fashion-MNIST's layout: train and t10k images and
/// labels): images as float32 <c>[N, 1, H, W]</c> scaled from 0–255 to [0, 1], labels as int64 <c>[N]</c>,
/// and the class names. Every file is checked against the manifest first. Chapter 08. Disposing it
/// disposes the four tensors.
/// </summary>
public sealed class ImageDataset : IDisposable
{
    ImageDataset(DatasetEntry entry, TensorDataset train, TensorDataset test)
    {
        Entry = entry;
        Train = train;
        Test = test;
    }

    /// <summary>The manifest entry: name, source, licence.</summary>
    public DatasetEntry Entry { get; }

    /// <summary>Training images and labels.</summary>
    public TensorDataset Train { get; }

    /// <summary>Test images and labels.</summary>
    public TensorDataset Test { get; }

    /// <summary>Class names by label.</summary>
    public IReadOnlyList<string> Classes => Entry.Classes ?? Array.Empty<string>();

    /// <summary>Loads the dataset named <paramref name="name"/> in <see cref="Datasets.Manifest"/>.</summary>
    public static ImageDataset Load(string name) => Load(Datasets.Manifest, name);

    /// <summary>Loads the dataset named <paramref name="name"/> in <paramref name="manifest"/>.</summary>
    public static ImageDataset Load(DatasetManifest manifest, string name)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var entry = manifest[name];
        TensorDataset Part(string prefix)
        {
            using var images = IdxFile.Read(manifest.Verify(entry, entry.File($"{prefix}-images-idx3-ubyte.gz")));
            using var labels = IdxFile.Read(manifest.Verify(entry, entry.File($"{prefix}-labels-idx1-ubyte.gz")));
            if (images.shape[0] != labels.shape[0])
                throw new InvalidDataException($"{entry.Name}: {images.shape[0]} {prefix} images but {labels.shape[0]} labels; expected one label per image.");
            using var unit = images.to_type(ScalarType.Float32).div_(255f);
            return new TensorDataset(unit.unsqueeze(1), labels.to_type(ScalarType.Int64));
        }
        return new ImageDataset(entry, Part("train"), Part("t10k"));
    }

    /// <summary>"fashion-mnist (Fashion-MNIST, subset: …): train [2000, 1, 28, 28], test [500, 1, 28, 28], 10 classes" — which data a chapter used.</summary>
    public override string ToString() =>
        $"{Entry.Name} ({Entry.Title}): train {Tensors.Shapes.Of(Train.X)}, test {Tensors.Shapes.Of(Test.X)}, {Classes.Count} classes";

    /// <summary>Disposes the training and test tensors.</summary>
    public void Dispose()
    {
        Train.Dispose();
        Test.Dispose();
    }
}
