using static TorchSharp.torch;

namespace Book.Initialisation;

/// <summary>
/// fan_in and fan_out of a weight tensor, chapter 5: how many inputs feed each output unit and how
/// many outputs each input feeds. A linear layer's weight is [out, in]; a convolution's is
/// [out, in, k₁, k₂, …] and each count is multiplied by the kernel size k₁·k₂·… (as in torch.nn.init).
/// </summary>
/// <param name="In">fan_in, the number of inputs summed into one pre-activation.</param>
/// <param name="Out">fan_out, the number of pre-activations one input contributes to.</param>
public readonly record struct Fans(long In, long Out)
{
    /// <summary>The fans of a weight tensor with at least two dimensions.</summary>
    public static Fans Of(Tensor weight)
    {
        ArgumentNullException.ThrowIfNull(weight);
        if (weight.dim() < 2)
            throw new ArgumentException($"Expected a weight with at least 2 dimensions [out, in, …], got shape [{string.Join(", ", weight.shape)}]: fans are undefined for a bias.", nameof(weight));
        long receptive = weight.shape.Skip(2).Aggregate(1L, (a, b) => a * b);
        return new Fans(weight.shape[1] * receptive, weight.shape[0] * receptive);
    }
}
