using Book.Data;
using Book.LargeModels;
using Book.Models;
using Book.Runtime;
using Book.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Book.Serving;

/// <summary>
/// How the book trains a small character-level language model (chapter 10's kind: a GPT-style
/// <see cref="TransformerLanguageModel"/> over the characters of a text), written once so that chapter 12 can
/// train it from a fresh clone in seconds. The text is cut into a training part and a validation part (the
/// last <see cref="ValidationShare"/> of it); every step trains on <see cref="BatchSize"/> windows of
/// <see cref="Context"/> + 1 characters starting at random places (drawn from <see cref="Reproducibility.Random"/>),
/// each position predicting the next character with cross-entropy −(1/N) Σ log P(x_{t+1} | x_≤t); AdamW.
/// The record's architecture fields make the model's <see cref="TransformerConfig"/> (<see cref="Config"/>).
/// </summary>
/// <param name="ModelWidth">d, the width of every token vector.</param>
/// <param name="Heads">Attention heads per block.</param>
/// <param name="Layers">Transformer blocks.</param>
/// <param name="FeedForwardWidth">d_ff, the hidden width of each block's feed-forward network.</param>
/// <param name="Context">The longest text the model reads at once (also the training window).</param>
/// <param name="Dropout">Dropout while training.</param>
/// <param name="BatchSize">Windows per step.</param>
/// <param name="Steps">Optimizer steps in all (reported in epochs of <see cref="StepsPerEpoch"/>).</param>
/// <param name="LearningRate">AdamW's step size.</param>
/// <param name="ValidationShare">Share of the text, at its end, kept for validation.</param>
public sealed record LanguageModelRecipe(int ModelWidth = 64, int Heads = 4, int Layers = 2, int FeedForwardWidth = 256,
    int Context = 32, double Dropout = 0.1, int BatchSize = 32, int Steps = 200, double LearningRate = 3e-3, double ValidationShare = 0.1)
{
    /// <summary>Steps reported as one epoch in the history.</summary>
    public const int StepsPerEpoch = 50;

    /// <summary>The decoder-only architecture of this recipe over <paramref name="vocabularySize"/> tokens.</summary>
    public TransformerConfig Config(int vocabularySize) =>
        TransformerConfig.DecoderOnly(vocabularySize, Context, ModelWidth, Layers, Heads, FeedForwardWidth) with { Dropout = Dropout };

    /// <summary>A model of this architecture over <paramref name="vocabularySize"/> tokens, freshly initialised.</summary>
    public TransformerLanguageModel Build(int vocabularySize, Device? device = null) => new(Config(vocabularySize), device);

    /// <summary>Trains on <paramref name="text"/>; call <c>Reproducibility.Seed</c> first for a repeatable run.</summary>
    public TrainedLanguageModel Train(string text, bool showProgress = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (Steps < StepsPerEpoch || Steps % StepsPerEpoch != 0)
            throw new ArgumentException($"Expected a positive multiple of {StepsPerEpoch} steps, got {Steps}.");
        var tokenizer = CharacterTokenizer.Fit([text]);
        var ids = tensor(tokenizer.Encode(text));
        long validationLength = (long)(ids.shape[0] * ValidationShare);
        long trainLength = ids.shape[0] - validationLength;
        if (trainLength < 2 * (Context + 1) || validationLength < Context + 1)
            throw new ArgumentException($"Expected a text of at least {2 * (Context + 1) / (1 - ValidationShare):F0} characters for context {Context}, got {ids.shape[0]}.");
        var trainIds = ids.narrow(0, 0, trainLength);
        var (validationX, validationY) = Windows(ids.narrow(0, trainLength, validationLength));
        var model = Build(tokenizer.Vocabulary.Count);
        var trainer = new Trainer(model, TransformerLanguageModel.Loss, optim.AdamW(model.parameters(), LearningRate)) { ShowProgress = showProgress };
        var history = trainer.Fit(RandomWindows(trainIds), Steps / StepsPerEpoch, new Batches(validationX, validationY, 64));
        model.eval();
        return new TrainedLanguageModel(new ServedLanguageModel(model, tokenizer), history, validationX, validationY);
    }

    /// <summary>One epoch: <see cref="StepsPerEpoch"/> batches of windows at random starts; each enumeration draws new ones.</summary>
    IEnumerable<(Tensor X, Tensor Y)> RandomWindows(Tensor ids)
    {
        long lastStart = ids.shape[0] - Context - 1;
        for (int step = 0; step < StepsPerEpoch; step++)
        {
            // Created inside the step's dispose scope (the trainer opens one before asking for the batch).
            var offsets = arange(Context + 1, dtype: ScalarType.Int64).unsqueeze(0);
            var starts = tensor(Enumerable.Range(0, BatchSize).Select(_ => Reproducibility.Random.NextInt64(lastStart + 1)).ToArray()).unsqueeze(1);
            var windows = ids.take(starts + offsets);
            yield return (windows.narrow(1, 0, Context), windows.narrow(1, 1, Context));
        }
    }

    /// <summary>The text cut into consecutive, non-overlapping windows: inputs and the same shifted by one.</summary>
    (Tensor X, Tensor Y) Windows(Tensor ids)
    {
        long count = (ids.shape[0] - 1) / Context;
        return (ids.narrow(0, 0, count * Context).reshape(count, Context), ids.narrow(0, 1, count * Context).reshape(count, Context));
    }
}

/// <summary>A language model trained by a <see cref="LanguageModelRecipe"/>, its learning curves and its validation windows.</summary>
/// <param name="Served">The model with its tokenizer.</param>
/// <param name="History">Training and validation loss per epoch.</param>
/// <param name="ValidationInputs">Validation windows [count, context].</param>
/// <param name="ValidationTargets">The same windows shifted by one character.</param>
public sealed record TrainedLanguageModel(ServedLanguageModel Served, History History, Tensor ValidationInputs, Tensor ValidationTargets)
{
    /// <summary>
    /// Mean next-character cross-entropy on the validation windows, in nats, of <paramref name="model"/> (the trained
    /// one when null) — how a changed model (smaller, quantised, in bfloat16) is compared with the original.
    /// </summary>
    public double ValidationLoss(TransformerLanguageModel? model = null)
    {
        model ??= Served.Model;
        model.eval();
        using var inference = inference_mode();
        using var scope = NewDisposeScope();
        var device = model.parameters().First().device;
        var logits = model.call(ValidationInputs.to(device)).to_type(ScalarType.Float32);
        return TransformerLanguageModel.Loss(logits, ValidationTargets.to(device)).item<float>();
    }
}
