using Book.LargeModels;
using TorchSharp;
using static TorchSharp.torch;

namespace Book.Tests.LargeModels;

/// <summary>Bytes per parameter, checked against what TorchSharp allocates for a real model and Adam.</summary>
public class TrainingMemoryTests
{
    [Fact]
    public void Both_adam_recipes_cost_16_bytes_per_parameter()
    {
        Assert.Equal(16, BytesPerParameter.Float32Adam.Total);
        Assert.Equal(16, BytesPerParameter.MixedPrecisionAdam.Total);
        Assert.Equal(2, BytesPerParameter.Inference16Bit.Total);
    }

    [Fact]
    public void Gpt3_model_state_under_mixed_precision_adam_is_about_2_8_terabytes()
    {
        var memory = new TrainingMemory(PublishedTransformers.Gpt3.Count.Total, BytesPerParameter.MixedPrecisionAdam);
        Assert.Equal(16 * 174_604_259_328.0 / 1e9, memory.Gigabytes, 6);
        Assert.Equal(35, memory.AcceleratorsToHold(80)); // 2793.7 GB / 80 GB = 34.9
    }

    [Fact]
    public void Float32_adam_bytes_are_what_TorchSharp_allocates()
    {
        var config = TransformerConfig.DecoderOnly(40, contextLength: 8, modelWidth: 16, layers: 2, heads: 2);
        using var model = new TinyTransformer(config);
        var optimizer = optim.Adam(model.parameters());
        model.call(randint(0, 40, [2, 8])).square().mean().backward();
        optimizer.step();

        var memory = new TrainingMemory(ParameterCount.Of(config).Total, BytesPerParameter.Float32Adam);
        var parameters = model.parameters().ToList();
        var adamState = optimizer.state_dict().State.Cast<TorchSharp.Modules.Adam.State>().ToList();
        Assert.Equal(memory.WeightBytes, parameters.Sum(p => p.numel() * p.ElementSize));
        Assert.Equal(memory.GradientBytes, parameters.Sum(p => p.grad!.numel() * p.grad!.ElementSize));
        Assert.Equal(memory.OptimizerStateBytes, adamState.Sum(s => s.exp_avg.numel() * s.exp_avg.ElementSize + s.exp_avg_sq.numel() * s.exp_avg_sq.ElementSize));
    }

    [Fact]
    public void Sixteen_bit_weights_take_two_bytes_in_TorchSharp()
    {
        var config = TransformerConfig.EncoderOnly(30, contextLength: 8, modelWidth: 16, layers: 1, heads: 2);
        using var model = new TinyTransformer(config);
        model.to(ScalarType.BFloat16);
        var memory = new TrainingMemory(ParameterCount.Of(config).Total, BytesPerParameter.MixedPrecisionAdam);
        Assert.Equal(memory.WeightBytes, model.parameters().Sum(p => p.numel() * p.ElementSize));
    }

    [Fact]
    public void A_count_must_be_positive()
    {
        Assert.Contains("got 0", Assert.Throws<ArgumentException>(() => new TrainingMemory(0, BytesPerParameter.Float32Adam).TotalBytes).Message);
    }
}
