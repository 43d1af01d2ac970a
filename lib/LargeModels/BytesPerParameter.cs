namespace Book.LargeModels;

/// <summary>
/// Bytes of memory each parameter costs under a training recipe (chapter 01), split by what they hold.
/// A float32 is 4 bytes, a float16 or bfloat16 2 bytes. Adam keeps two float32 moments per parameter
/// (m and v: 8 bytes). Mixed-precision training (Micikevicius et al. 2017, arXiv:1710.03740) computes with
/// 16-bit weights and gradients but keeps a float32 master copy of the weights for the update, so
/// mixed-precision Adam costs 2 + 2 + 4 + 4 + 4 = 16 bytes per parameter — the "16Ψ" of ZeRO
/// (Rajbhandari et al. 2019, arXiv:1910.02054), no less than float32 Adam's 4 + 4 + 8. Mixed precision
/// saves time and activation memory, not model-state memory. Activations are not included: they depend
/// on batch size and context length.
/// </summary>
/// <param name="Recipe">A short name of the recipe.</param>
/// <param name="Weights">Bytes of the weights the forward pass uses.</param>
/// <param name="Gradients">Bytes of one gradient per weight.</param>
/// <param name="MasterWeights">Bytes of the float32 copy that mixed precision updates.</param>
/// <param name="OptimizerState">Bytes of the optimizer's per-parameter state (Adam: m and v).</param>
public sealed record BytesPerParameter(string Recipe, int Weights, int Gradients, int MasterWeights, int OptimizerState)
{
    /// <summary>float32 weights and gradients, Adam's two float32 moments: 4 + 4 + 8 = 16 bytes.</summary>
    public static BytesPerParameter Float32Adam { get; } = new("float32 + Adam", 4, 4, 0, 8);

    /// <summary>16-bit weights and gradients, float32 master weights and Adam moments: 2 + 2 + 4 + 4 + 4 = 16 bytes.</summary>
    public static BytesPerParameter MixedPrecisionAdam { get; } = new("mixed precision + Adam", 2, 2, 4, 8);

    /// <summary>Serving a model needs only its weights: 2 bytes in 16-bit precision.</summary>
    public static BytesPerParameter Inference16Bit { get; } = new("16-bit weights only (serving)", 2, 0, 0, 0);

    /// <summary>The sum of all parts.</summary>
    public int Total => Weights + Gradients + MasterWeights + OptimizerState;
}
