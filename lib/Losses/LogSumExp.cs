using static TorchSharp.torch;

namespace Book.Losses;

/// <summary>
/// log Σⱼ exp(zⱼ) computed without overflow (chapter 03): with m = maxⱼ zⱼ,
/// log Σⱼ exp(zⱼ) = m + log Σⱼ exp(zⱼ − m). Every exponent is then ≤ 0, so nothing overflows,
/// and the largest term is exp(0) = 1, so the sum never underflows to 0 either.
/// </summary>
public static class LogSumExp
{
    /// <summary>The stable log-sum-exp over dimension <paramref name="dim"/> (kept as size 1 when <paramref name="keepDim"/>).</summary>
    public static Tensor Of(Tensor logits, long dim = -1, bool keepDim = false)
    {
        using var max = logits.amax(new[] { dim }, keepdim: true).detach();
        var result = (logits - max).exp().sum(dim, keepdim: true).log() + max;
        return keepDim ? result : result.squeeze(dim);
    }

    /// <summary>The textbook formula log Σ exp(zⱼ), which overflows for large logits — shown to be avoided.</summary>
    public static Tensor Naive(Tensor logits, long dim = -1) => logits.exp().sum(dim).log();
}
