using Book.Data;
using Book.LargeModels;
using Book.Models;
using Book.Runtime;
using Book.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Book.Tests.Models;

[Collection(SeededCollection.Name)]
public class TransformerLanguageModelTests
{
    static TransformerConfig Tiny(int vocabulary = 8, int context = 16, int layers = 1) =>
        TransformerConfig.DecoderOnly(vocabulary, contextLength: context, modelWidth: 16, layers: layers, heads: 2, feedForwardWidth: 32);

    public static TheoryData<string, TransformerConfig> Configs => new()
    {
        { "tied head, biases, d_ff = 4d", TransformerConfig.DecoderOnly(97, contextLength: 16, modelWidth: 24, layers: 3, heads: 4) },
        { "untied head", TransformerConfig.DecoderOnly(97, contextLength: 16, modelWidth: 24, layers: 2, heads: 3, tiedEmbeddings: false) },
        { "no biases, d_ff ≠ 4d", TransformerConfig.DecoderOnly(50, contextLength: 8, modelWidth: 16, layers: 2, heads: 2, feedForwardWidth: 40, biases: false) },
    };

    [Theory]
    [MemberData(nameof(Configs))]
    public void Chapter_1s_calculator_counts_exactly_the_parameters_the_model_allocates(string name, TransformerConfig config)
    {
        using var model = new TransformerLanguageModel(config);
        long allocated = model.parameters().Sum(p => p.numel());
        Assert.True(ParameterCount.Of(model.Config).Total == allocated,
            $"{name}: the model allocates {allocated} parameters, ParameterCount.Of(config) says {ParameterCount.Of(config).Total}.");
    }

    [Fact]
    public void An_encoder_config_is_refused()
    {
        var config = TransformerConfig.EncoderOnly(10, contextLength: 8, modelWidth: 16, layers: 1, heads: 2);
        var error = Assert.Throws<ArgumentException>(() => new TransformerLanguageModel(config));
        Assert.Contains("Expected a DecoderOnly config for a language model, got EncoderOnly", error.Message);
    }

    [Fact]
    public void The_model_learns_to_count_and_generates_the_continuation()
    {
        // Windows of the cycle 0 1 2 … 7 0 1 …; the target of each position is the next number.
        Reproducibility.Seed(42);
        var starts = arange(64).remainder(8).unsqueeze(1);
        var sequence = (starts + arange(9).unsqueeze(0)).remainder(8);
        var (inputs, targets) = (sequence.narrow(1, 0, 8), sequence.narrow(1, 1, 8));
        var model = new TransformerLanguageModel(Tiny());
        var trainer = new Trainer(model, TransformerLanguageModel.Loss, optim.Adam(model.parameters(), 0.01)) { ShowProgress = false };

        var history = trainer.Fit(new Batches(inputs, targets, 16, shuffle: true), epochs: 20);

        Assert.True(history["loss"][^1] < 0.05, $"final loss {history["loss"][^1]}");
        using var prompt = tensor(new long[] { 3 }, 1, 1);
        using var generated = model.Generate(prompt, newTokens: 12, temperature: 0);
        Assert.Equal([3L, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7], generated.cpu().data<long>().ToArray());
    }

    [Fact]
    public void Causal_attention_makes_earlier_outputs_independent_of_later_tokens()
    {
        Reproducibility.Seed(42);
        var model = new TransformerLanguageModel(Tiny(layers: 2));
        using var a = tensor(new long[] { 1, 2, 3, 4 }, 1, 4).to(Devices.Default);
        using var b = tensor(new long[] { 1, 2, 7, 0 }, 1, 4).to(Devices.Default);

        using var first = model.call(a).narrow(1, 0, 2);
        using var second = model.call(b).narrow(1, 0, 2);

        Assert.True(first.allclose(second, rtol: 1e-5, atol: 1e-6));
        Assert.False(model.call(a).narrow(1, 2, 2).allclose(model.call(b).narrow(1, 2, 2), rtol: 1e-5, atol: 1e-6));
    }

    [Fact]
    public void Feeding_tokens_one_at_a_time_through_the_cache_gives_the_logits_of_the_whole_sequence()
    {
        Reproducibility.Seed(42);
        var model = new TransformerLanguageModel(Tiny(layers: 2));
        model.eval();
        using var tokens = randint(0, 8, [2, 10]).to(Devices.Default);
        using var whole = model.call(tokens);

        using var cache = model.NewCache();
        var prefix = model.Forward(tokens.narrow(1, 0, 4), cache);              // a prompt of 4 at once …
        var steps = Enumerable.Range(4, 6).Select(t => model.Forward(tokens.narrow(1, t, 1), cache)); // … then one at a time
        using var pieces = cat([prefix, .. steps], 1);

        Assert.Equal(10, cache.Length);
        Assert.Equal(2L * 2 * 2 * 10 * 16, cache.Elements); // keys and values × layers × batch × positions × d
        // float32: 2·L·d·4 bytes per token and sequence (2 sequences of 10 positions); 2·2·16·4 = 256.
        Assert.Equal(256, TransformerLanguageModel.KeyValueCache.BytesPerToken(layers: 2, modelWidth: 16, bytesPerNumber: 4));
        Assert.Equal(256L * 10 * 2, cache.Bytes);
        Assert.True(pieces.allclose(whole, rtol: 1e-4, atol: 1e-5), $"max difference {(pieces - whole).abs().max().ToDouble()}");
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    public void Generating_with_and_without_the_cache_gives_the_same_tokens_even_past_the_context(double temperature)
    {
        Reproducibility.Seed(42);
        var model = new TransformerLanguageModel(Tiny(context: 6, layers: 2));
        using var prompt = tensor(new long[] { 1, 2, 3, 1, 2, 3, 4, 5 }, 2, 4);    // 4 + 10 tokens overflow a context of 6

        Reproducibility.Seed(7);
        using var cached = model.Generate(prompt, newTokens: 10, temperature, useCache: true);
        Reproducibility.Seed(7);
        using var recomputed = model.Generate(prompt, newTokens: 10, temperature, useCache: false);

        Assert.Equal(new long[] { 2, 14 }, cached.shape);
        Assert.Equal(recomputed.cpu().data<long>().ToArray(), cached.cpu().data<long>().ToArray());
    }

    [Fact]
    public void Seeded_sampling_repeats_and_top_k_draws_only_among_the_k_most_likely()
    {
        var model = new TransformerLanguageModel(Tiny());
        using var prompt = tensor(new long[] { 1, 2 }, 1, 2);

        Reproducibility.Seed(3);
        var first = model.Generate(prompt, 10).data<long>().ToArray();
        Reproducibility.Seed(3);
        var second = model.Generate(prompt, 10).data<long>().ToArray();
        Assert.Equal(first, second);

        using var greedy = model.Generate(prompt, 1, temperature: 0);
        using var topOne = model.Generate(prompt, 1, temperature: 5, topK: 1);
        Assert.Equal(greedy.data<long>().ToArray(), topOne.data<long>().ToArray());
    }

    [Fact]
    public void Generate_steps_stream_one_token_at_a_time()
    {
        var model = new TransformerLanguageModel(Tiny());
        using var prompt = tensor(new long[] { 1, 2 }, 1, 2);

        var steps = model.GenerateSteps(prompt, 5, temperature: 0).Select(t => t.item<long>()).ToArray();
        using var all = model.Generate(prompt, 5, temperature: 0);

        Assert.Equal(all.data<long>().ToArray()[2..], steps);
        Assert.Throws<ArgumentOutOfRangeException>(() => model.GenerateSteps(prompt, -1));
    }

    [Fact]
    public void Attention_weights_are_causal_and_rows_sum_to_one()
    {
        var model = new TransformerLanguageModel(Tiny(layers: 2));
        using var tokens = tensor(new long[] { 1, 2, 3, 4, 5 }, 1, 5).to(Devices.Default);

        var weights = model.AttentionWeights(tokens);

        Assert.Equal(2, weights.Count);
        Assert.Equal(new long[] { 1, 2, 5, 5 }, weights[0].shape);
        Assert.Equal(0, weights[1].triu(1).abs().sum().ToDouble());
        Assert.True(weights[0].sum(-1).allclose(ones(1, 2, 5, device: Devices.Default), atol: 1e-6));
    }

    [Fact]
    public void The_loss_leaves_out_ignored_targets()
    {
        using var logits = randn(1, 3, 5);
        using var targets = tensor(new long[] { 2, TransformerLanguageModel.IgnoredTarget, 4 }, 1, 3);

        double loss = TransformerLanguageModel.Loss(logits, targets).ToDouble();

        double expected = (nn.functional.cross_entropy(logits[0, 0].unsqueeze(0), tensor(new long[] { 2 })).ToDouble()
            + nn.functional.cross_entropy(logits[0, 2].unsqueeze(0), tensor(new long[] { 4 })).ToDouble()) / 2;
        Assert.Equal(expected, loss, 5);
    }

    [Fact]
    public void A_sequence_longer_than_the_context_is_refused_with_both_lengths()
    {
        var model = new TransformerLanguageModel(Tiny(context: 4));
        var error = Assert.Throws<ArgumentException>(() => model.call(zeros(1, 5, dtype: ScalarType.Int64, device: Devices.Default)));
        Assert.Contains("at most ContextLength = 4 positions, got 5", error.Message);
    }

    [Fact]
    public void Save_and_load_keep_config_weights_and_vocabulary_in_one_file()
    {
        string folder = Directory.CreateTempSubdirectory("book-lm-").FullName;
        try
        {
            var vocabulary = new Vocabulary(["a", "b", "c", "d", "e", "f"]);
            var model = new TransformerLanguageModel(Tiny(vocabulary: vocabulary.Count) with { Dropout = 0.1 });
            string path = Path.Combine(folder, "model.lm");

            model.Save(path, vocabulary);
            var (loaded, loadedVocabulary) = TransformerLanguageModel.Load(path);

            Assert.Equal(model.Config, loaded.Config);
            Assert.Equal(vocabulary.Tokens, loadedVocabulary!.Tokens);
            model.eval();
            loaded.eval();
            using var tokens = tensor(new long[] { 2, 3, 4 }, 1, 3).to(Devices.Default);
            Assert.True(model.call(tokens).allclose(loaded.call(tokens), rtol: 0, atol: 0));
            Assert.Equal(["model.lm"], Directory.GetFiles(folder).Select(Path.GetFileName));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Loading_a_file_that_is_not_a_saved_model_names_the_file()
    {
        string path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "not a model");
            var error = Assert.Throws<InvalidDataException>(() => TransformerLanguageModel.Load(path));
            Assert.StartsWith($"{path}: not a model written by TransformerLanguageModel.Save", error.Message);
            Assert.Equal("not a model", File.ReadAllText(path));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
