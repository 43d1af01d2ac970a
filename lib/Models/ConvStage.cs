namespace Book.Models;

/// <summary>
/// One stage of a <see cref="Cnn"/> (chapter 08): a k×k convolution to <paramref name="Channels"/>
/// feature maps, ReLU, and optionally a 2×2 max-pool that halves height and width. With padding p,
/// a side of n pixels becomes n + 2p − k + 1 after the convolution: p = (k − 1)/2 keeps the size ("same").
/// </summary>
/// <param name="Channels">Output channels (filters) of the convolution.</param>
/// <param name="Pool">Whether a 2×2 max-pool follows.</param>
/// <param name="Padding">Zeros added on every side of the input before the convolution; 0 is a "valid" convolution.</param>
public sealed record ConvStage(int Channels, bool Pool = true, int Padding = 0);
