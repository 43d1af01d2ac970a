using Book.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace Book.Tests.Runtime;

/// <summary>
/// Proves the native side of TorchSharp loads on this machine (on Debian 12 that needs the
/// GLIBCXX_3.4.32 fix the build applies) and computes correctly.
/// </summary>
[Collection(SeededCollection.Name)]
public class TorchSharpLoadsTests
{
    [Fact]
    public void Matrix_product_is_computed_by_libtorch()
    {
        using var a = tensor(new float[] { 1, 2, 3, 4 }, 2, 2);
        using var b = tensor(new float[] { 5, 6, 7, 8 }, 2, 2);
        using var product = a.matmul(b);
        Assert.Equal(new float[] { 19, 22, 43, 50 }, product.data<float>().ToArray());
    }

    [Fact]
    public void Autograd_gives_the_derivative_of_x_cubed()
    {
        using var x = tensor(2.0, requires_grad: true);
        using var y = x.pow(3);
        y.backward();
        Assert.Equal(12.0, x.grad!.item<double>(), 12);
    }

    /// <summary>
    /// Debian's python3-torch puts libtorch 1.13 in /usr/lib; TorchSharp must still use the libtorch it
    /// ships, from this program's own folder. The process's memory map says which files were loaded.
    /// </summary>
    [Fact]
    public void The_libtorch_in_use_is_the_one_beside_the_program_even_with_a_system_libtorch()
    {
        using var warm = ones(2).sum();
        var mapped = File.ReadLines("/proc/self/maps")
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "")
            .Where(path => Path.GetFileName(path).StartsWith("libtorch", StringComparison.Ordinal) || Path.GetFileName(path).StartsWith("libc10", StringComparison.Ordinal))
            .Distinct().ToList();
        Assert.Contains(mapped, path => Path.GetFileName(path) == "libtorch_cpu.so");
        string ownFolder = Path.GetFullPath(AppContext.BaseDirectory);
        Assert.All(mapped, path => Assert.StartsWith(ownFolder, path));
    }

    [Fact]
    public void Seeding_makes_random_tensors_repeat()
    {
        Reproducibility.Seed(7);
        var first = randn(5).data<float>().ToArray();
        Reproducibility.Seed(7);
        var second = randn(5).data<float>().ToArray();
        Assert.Equal(first, second);
    }

    [Fact]
    public void Default_device_is_cpu_without_a_gpu_and_says_so()
    {
        Assert.Equal(cuda.is_available() ? DeviceType.CUDA : DeviceType.CPU, Devices.Default.type);
        Assert.Contains("TorchSharp 0.107", Devices.Describe());
    }

    [Fact]
    public void Unknown_device_request_names_what_was_expected()
    {
        var error = Assert.Throws<ArgumentException>(() => Devices.Choose("tpu"));
        Assert.Contains("'cpu', 'cuda' or 'auto'", error.Message);
        Assert.Contains("tpu", error.Message);
    }
}
