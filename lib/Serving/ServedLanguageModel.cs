using Book.Data;
using Book.Models;
using static TorchSharp.torch;

namespace Book.Serving;

/// <summary>
/// A trained character-level language model packaged for serving (chapter 12): the
/// <see cref="TransformerLanguageModel"/> (its config and weights) and the vocabulary that turns text into ids and
/// back. <see cref="Generate(IReadOnlyList{GenerationRequest}, bool)"/> answers a batch of requests: prompts of the
/// same length that ask for the same number of tokens at the same temperature are stacked into one tensor
/// [batch, time] and decoded together, one token per forward pass for the whole stack. <see cref="Save"/>
/// writes the bundle, <c>model.bin</c>: the model's own file (<see cref="TransformerLanguageModel.Save"/>), which
/// holds the config, the weights and the vocabulary; <see cref="Load"/> reads it back.
/// </summary>
public sealed class ServedLanguageModel
{
    const string ModelFile = "model.bin";

    /// <summary>Packages <paramref name="model"/> with its tokenizer.</summary>
    public ServedLanguageModel(TransformerLanguageModel model, CharacterTokenizer tokenizer)
    {
        Model = model ?? throw new ArgumentNullException(nameof(model));
        Tokenizer = tokenizer ?? throw new ArgumentNullException(nameof(tokenizer));
        if (model.Config.VocabularySize != tokenizer.Vocabulary.Count)
            throw new ArgumentException(
                $"Expected a model over {tokenizer.Vocabulary.Count} tokens (the tokenizer's vocabulary), got {model.Config.VocabularySize}.");
    }

    /// <summary>The network.</summary>
    public TransformerLanguageModel Model { get; }

    /// <summary>Text ↔ ids.</summary>
    public CharacterTokenizer Tokenizer { get; }

    /// <summary>The longest text (prompt and continuation) the model reads at once.</summary>
    public int Context => Model.Config.ContextLength;

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
    /// <param name="useCache">
    /// Decode with the model's <see cref="TransformerLanguageModel.KeyValueCache"/> (each step computes only the newest position)
    /// instead of re-reading the whole text every step; the tokens are the same either way.
    /// </param>
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
            var text = Model.Generate(prompts, tokens, temperature, useCache: useCache);
            var continuations = text.narrow(1, length, tokens).cpu().data<long>().ToArray();
            for (int m = 0; m < members.Count; m++)
                answers[members[m].index] = Tokenizer.Decode(continuations.AsSpan(m * tokens, tokens).ToArray());
        }
        return answers;
    }

    /// <summary>A copy with weights of its own, to quantise or convert without touching this model.</summary>
    public ServedLanguageModel Copy()
    {
        var model = new TransformerLanguageModel(Model.Config, Model.parameters().First().device);
        model.load_state_dict(Model.state_dict());
        model.eval();
        return new ServedLanguageModel(model, Tokenizer);
    }

    /// <summary>Writes <c>model.bin</c> (config, weights, vocabulary) into <paramref name="folder"/> (created if needed).</summary>
    public void Save(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        Model.Save(Path.Combine(folder, ModelFile), Tokenizer.Vocabulary);
    }

    /// <summary>Reads a folder written by <see cref="Save"/>; errors name the file and what was wrong.</summary>
    public static ServedLanguageModel Load(string folder, Device? device = null)
    {
        string path = Path.Combine(folder, ModelFile);
        var (model, vocabulary) = TransformerLanguageModel.Load(path, device);
        if (vocabulary is null)
            throw new InvalidDataException($"{path}: expected a model saved with its vocabulary, got one without.");
        model.eval();
        return new ServedLanguageModel(model, CharacterTokenizer.With(vocabulary));
    }
}
