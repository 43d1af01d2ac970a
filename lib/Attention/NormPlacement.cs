namespace Book.Attention;

/// <summary>Where a <see cref="TransformerEncoderBlock"/> normalises (chapter 10).</summary>
public enum NormPlacement
{
    /// <summary>As in the original transformer: x ← LayerNorm(x + Sublayer(x)).</summary>
    PostNorm,
    /// <summary>As in GPT-2 and most large models: x ← x + Sublayer(LayerNorm(x)); the residual path stays an identity, which trains deep stacks more stably.</summary>
    PreNorm,
}
