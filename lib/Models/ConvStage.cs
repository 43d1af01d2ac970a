namespace Book.Models;

/// <summary>
/// One stage of a <see cref="Cnn"/> (chapter 08): a k×k convolution to <paramref name="Channels"/>
/// feature maps, ReLU, and optionally a 2×2 max-pool that halves height and width.
/// </summary>
/// <param name="Channels">Output channels (filters) of the convolution.</param>
/// <param name="Pool">Whether a 2×2 max-pool follows.</param>
public sealed record ConvStage(int Channels, bool Pool = true);
