using System.Text.Json;
using Book.Data;
using Book.Models;
using Book.Runtime;
using Book.Training;
using static TorchSharp.torch;

namespace Book.Serving;

/// <summary>
/// A trained character-level language model packaged for serving (chapter 12): the weights, the architecture
/// that rebuilds the <see cref="TransformerLanguageModel"/> and the vocabulary that turns text into ids and
/// back. <see cref="Generate(IReadOnlyList{GenerationRequest}, bool)"/> answers a batch of requests: prompts of the
/// same length that ask for the same number of tokens at the same temperature are stacked into one tensor
/// [batch, time] and decoded together, one token per forward pass for the whole stack. <see cref="Save"/>
/// writes <c>model.bin</c> and <c>bundle.json</c>; <see cref="Load"/> reads them back.
/// </summary>
public sealed class ServedLanguageModel
{
    const string WeightsFile = "model.bin";
    const string BundleFile = "bundle.json";

    /// <summary>Packages <paramref name="model"/>, built from <paramref name="architecture"/>, with its tokenizer.</summary>
    public ServedLanguageModel(TransformerLanguageModel model, LanguageModelRecipe architecture, CharacterTokenizer tokenizer)
    {
        Model = model ?? throw new ArgumentNullException(nameof(model));
        Architecture = architecture ?? throw new ArgumentNullException(nameof(architecture));
        Tokenizer = tokenizer ?? throw new ArgumentNullException(nameof(tokenizer));
        if (model.VocabularySize != tokenizer.Vocabulary.Count)
            throw new ArgumentException($"Expected a model over {tokenizer.Vocabulary.Count} tokens (the tokenizer's vocabulary), got {model.VocabularySize}.");
    }

    /// <summary>The network.</summary>
    public TransformerLanguageModel Model { get; }

    /// <summary>Its architecture (the recipe it was built from).</summary>
    public LanguageModelRecipe Architecture { get; }

    /// <summary>Text ↔ ids.</summary>
    public CharacterTokenizer Tokenizer { get; }

    /// <summary>The longest text (prompt and continuation) the model reads at once.</summary>
    public int Context => Architecture.Context;

    /// <summary>The parameters of the model, N.</summary>
    public long Parameters => Model.parameters().Sum(p => p.numel());

    /// <summary>The characters of <paramref name="prompt"/> that the vocabulary lacks, each once, in order.</summary>
    public IReadOnlyList<string> UnknownCharacters(string prompt) =>
        Tokenizer.Tokenize(prompt).Where(c => !Tokenizer.Vocabulary.Contains(c)).Distinct().ToList();

    /// <summary>The continuation of one prompt.</summary>
    public string Generate(string prompt, int tokens, double temperature = 0) => Generate([new GenerationRequest(prompt, tokens, temperature)])[0];

    /// <summary>
    /// The continuations of <paramref name="requests"/> (only the new text, not the prompt), in order: the batch
    /// function of the prediction service. Requests that can share a tensor are decoded together.
    /// </summary>
    /// <param name="useCache">Decode with a <see cref="KeyValueCache"/> (each step computes only the newest position) instead of re-reading the whole text every step.</param>
    public IReadOnlyList<string> Generate(IReadOnlyList<GenerationRequest> requests, bool useCache = false)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var answers = new string[requests.Count];
        var groups = requests.Select((request, index) => (request, index, ids: Tokenizer.Encode(request.Prompt)))
            .GroupBy(r => (r.ids.Length, r.request.Tokens, r.request.Temperature));
        foreach (var group in groups)
        {
            var members = group.ToList();
            var (length, tokens, temperature) = group.Key;
            if (length < 1 || length + tokens > Context)
                throw new ArgumentException($"Expected a prompt of 1 to {Context - tokens} tokens for {tokens} new tokens (context {Context}), got {length}.");
            using var scope = NewDisposeScope();
            var prompts = tensor(members.SelectMany(m => m.ids).ToArray(), new long[] { members.Count, length });
            var text = useCache ? KeyValueCache.Generate(Model, prompts, tokens, temperature) : Model.Generate(prompts, tokens, temperature);
            var continuations = text.narrow(1, length, tokens).cpu().data<long>().ToArray();
            for (int m = 0; m < members.Count; m++)
                answers[members[m].index] = Tokenizer.Decode(continuations.AsSpan(m * tokens, tokens).ToArray());
        }
        return answers;
    }

    /// <summary>A copy with weights of its own, to quantise or convert without touching this model.</summary>
    public ServedLanguageModel Copy()
    {
        var model = Architecture.Build(Tokenizer.Vocabulary.Count, Model.parameters().First().device);
        model.load_state_dict(Model.state_dict());
        model.eval();
        return new ServedLanguageModel(model, Architecture, Tokenizer);
    }

    /// <summary>Writes <c>model.bin</c> and <c>bundle.json</c> into <paramref name="folder"/> (created if needed).</summary>
    public void Save(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        Checkpoint.Save(Model, Path.Combine(folder, WeightsFile));
        var bundle = new Bundle(Architecture, Tokenizer.Vocabulary.Tokens.Skip(2).ToArray());
        AtomicFile.WriteText(Path.Combine(folder, BundleFile), JsonSerializer.Serialize(bundle, BundleJson.Options));
    }

    /// <summary>Reads a folder written by <see cref="Save"/>; errors name the file and what was wrong.</summary>
    public static ServedLanguageModel Load(string folder, Device? device = null)
    {
        var bundle = BundleJson.Read<Bundle>(Path.Combine(folder, BundleFile));
        if (bundle.Architecture is null || bundle.Vocabulary is null)
            throw new InvalidDataException($"{Path.Combine(folder, BundleFile)}: expected \"architecture\" and \"vocabulary\".");
        var tokenizer = CharacterTokenizer.With(new Vocabulary(bundle.Vocabulary));
        var model = bundle.Architecture.Build(tokenizer.Vocabulary.Count, device);
        Checkpoint.Load(model, Path.Combine(folder, WeightsFile));
        model.eval();
        return new ServedLanguageModel(model, bundle.Architecture, tokenizer);
    }

    sealed record Bundle(LanguageModelRecipe? Architecture, string[]? Vocabulary);
}
