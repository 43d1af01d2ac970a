namespace Book.Training;

/// <summary>
/// What the generator of a GAN minimises (chapter 11), with D(x) = σ(logit) the discriminator's
/// probability that x is real.
/// </summary>
public enum GeneratorLoss
{
    /// <summary>
    /// −log D(G(z)): "make the discriminator call the fakes real" (Goodfellow et al., 2014, §3). Its gradient
    /// with respect to the logit is −(1 − D(G(z))), close to −1 when the discriminator rejects the fakes
    /// — exactly when the generator most needs to learn. The default.
    /// </summary>
    NonSaturating,

    /// <summary>
    /// log(1 − D(G(z))), the generator's side of the minimax game as written. Its gradient with respect to
    /// the logit is −D(G(z)), which vanishes when the discriminator confidently rejects the fakes: early in
    /// training the generator barely moves.
    /// </summary>
    Minimax,
}
