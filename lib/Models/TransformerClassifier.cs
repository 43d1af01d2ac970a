using Book.Attention;
using Book.Runtime;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Book.Models;

/// <summary>
/// A tiny transformer text classifier (chapter 10): a <see cref="TransformerBackbone"/> gives one vector
/// per token, their mean over the real (non-padding) tokens summarises the sequence, and a linear layer
/// turns it into one logit per class. Input [batch, time] of int64 ids, output [batch, classes].
/// </summary>
public sealed class TransformerClassifier : nn.Module<Tensor, Tensor>
{
    readonly TransformerBackbone encoder;
    readonly Linear output;

    /// <summary>A classifier; see <see cref="TransformerBackbone"/> for the backbone's settings. Token 0 is padding.</summary>
    public TransformerClassifier(int vocabularySize, int classes, int modelSize = 32, int heads = 4, int layers = 2,
        int feedForwardSize = 64, int maxLength = 128, double dropout = 0.1, NormPlacement norm = NormPlacement.PreNorm, Device? device = null)
        : base(nameof(TransformerClassifier))
    {
        encoder = new TransformerBackbone(vocabularySize, modelSize, heads, layers, feedForwardSize, maxLength, dropout, norm,
            causal: false, paddingToken: 0, device: CPU);
        output = nn.Linear(modelSize, classes);
        RegisterComponents();
        this.to(device ?? Devices.Default);
    }

    /// <summary>The backbone.</summary>
    public TransformerBackbone Encoder => encoder;

    /// <inheritdoc />
    public override Tensor forward(Tensor tokens)
    {
        var vectors = encoder.call(tokens);
        var real = encoder.RealTokens(tokens).unsqueeze(2).to_type(vectors.dtype);
        var mean = (vectors * real).sum(1) / real.sum(1).clamp_min(1);
        return output.call(mean);
    }
}
