using TorchSharp;
using Book.Models;
using Book.Runtime;
using static TorchSharp.torch;

namespace Book.Tests.Models;

public class CnnAndMlpTests
{
    [Fact]
    public void The_MNIST_network_maps_a_batch_of_images_to_ten_logits()
    {
        Reproducibility.Seed(42);
        var model = Cnn.Mnist();
        using var images = randn(4, 1, 28, 28, device: Devices.Default);

        using var logits = model.call(images);

        Assert.Equal([4L, 10], logits.shape);
        Assert.Equal(1600, model.FlattenedSize);
    }

    [Fact]
    public void A_missing_channel_dimension_is_named_in_the_error()
    {
        var error = Assert.Throws<ArgumentException>(() => Cnn.Mnist().call(zeros(32, 28, 28)));
        Assert.Equal("expected input of shape [batch, 1, 28, 28], got [32, 28, 28]", error.Message);
    }

    [Fact]
    public void The_CIFAR_network_flattens_128_maps_of_4x4()
    {
        // 32 → 30 → 15 → 13 → 6 → 4 (the third convolution has no pool).
        Assert.Equal(128 * 4 * 4, Cnn.Cifar10().FlattenedSize);
    }

    [Fact]
    public void Too_many_stages_for_the_image_size_are_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => new Cnn([1, 8, 8], [new(4), new(4), new(4)], [], 2));
        Assert.Contains("Stage 2 pools 1×1 feature maps", error.Message); // 8 → 6 → 3 → 1
    }

    [Fact]
    public void Padding_keeps_the_size_so_8x8_digits_fit_two_pooled_stages()
    {
        // 8 → 8 → 4 → 4 → 2 with "same" padding; without it the second pool would get 1×1.
        var model = new Cnn([1, 8, 8], [new(16, Padding: 1), new(32, Padding: 1)], [64], 10);
        Assert.Equal(32 * 2 * 2, model.FlattenedSize);
        using var logits = model.call(zeros(3, 1, 8, 8, device: Devices.Default));
        Assert.Equal([3L, 10], logits.shape);
    }

    [Fact]
    public void Features_then_classifier_is_the_model_and_feature_maps_and_filters_have_their_shapes()
    {
        Reproducibility.Seed(42);
        var model = Cnn.Mnist();
        model.train();
        using var images = rand(2, 1, 28, 28, device: Devices.Default);

        using var whole = model.call(images);
        using var composed = model.Classifier.call(model.Features.call(images));
        using var maps = model.FeatureMaps(images, stage: 2);

        Assert.True(whole.allclose(composed));
        Assert.Equal([2L, 64, 11, 11], maps.shape);
        Assert.Equal([32L, 1, 3, 3], model.Filters(1).shape);
        Assert.True(model.training, "FeatureMaps must put the model back into training mode");
        Assert.True(maps.ge(0).all().ToBoolean(), "maps are taken after the ReLU");
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => model.Filters(3));
        Assert.Contains("Expected a stage between 1 and 2", error.Message);
    }

    [Fact]
    public void The_MLP_has_named_layers_and_the_closed_form_parameter_count()
    {
        var model = new Mlp([10, 64, 64, 1], dropout: 0.2);

        Assert.Equal(["linear1.weight", "linear1.bias", "linear2.weight", "linear2.bias", "linear3.weight", "linear3.bias"],
            model.state_dict().Keys);
        Assert.Equal(64 * 11 + 64 * 65 + 1 * 65, model.parameters().Sum(p => p.numel()));
        Assert.Equal(["linear1", "relu1", "dropout1", "linear2", "relu2", "dropout2", "linear3"], model.named_children().Select(c => c.name));
        var error = Assert.Throws<ArgumentException>(() => model.call(zeros(5, 11)));
        Assert.Equal("expected input of shape [batch, 10], got [5, 11]", error.Message);
    }

    [Fact]
    public void Dropout_acts_only_in_training_mode()
    {
        Reproducibility.Seed(42);
        var model = new Mlp([10, 64, 1], dropout: 0.5);
        using var x = randn(8, 10, device: Devices.Default);

        model.eval();
        Assert.True(model.call(x).allclose(model.call(x)));
        model.train();
        Assert.False(model.call(x).allclose(model.call(x)));
    }
}
