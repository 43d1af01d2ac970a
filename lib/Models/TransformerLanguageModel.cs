using System.Text.Json;
using Book.Attention;
using Book.Data;
using Book.LargeModels;
using Book.Runtime;
using Book.Tensors;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Book.Models;

/// <summary>
/// A GPT-style language model in one file (chapter 10), to be read top to bottom like nanoGPT's model.py:
/// <code>
/// token ids [batch, time]
///   → x = TokenEmbedding(ids) + PositionEmbedding(0, 1, …, time − 1)           (V×d and T×d, both learned)
///   → L blocks:  x ← x + Attention(LayerNorm(x));  x ← x + FeedForward(LayerNorm(x))    (pre-norm)
///   → LayerNorm → logits = x Wᵀ, one score per vocabulary token                  (W = the token embedding when tied)
/// P(x_{t+1} | x_1 … x_t) = softmax(logits_t)
/// </code>
/// Attention is causal (position t reads positions ≤ t only) and multi-head: one d → 3d projection makes
/// the queries, keys and values of all heads, each head applies <see cref="ScaledDotProductAttention"/>,
/// and a d → d projection mixes the heads. The feed-forward network is d → d_ff → d with a GELU.
/// Every hyper-parameter comes from one <see cref="TransformerConfig"/> (decoder-only), the record chapter 1's
/// <see cref="ParameterCount"/> counts, so <c>ParameterCount.Of(model.Config).Total</c> is exactly the number of
/// parameters this model allocates. For generation, a <see cref="KeyValueCache"/> keeps each layer's keys and
/// values so a new token costs one position's work instead of the whole prefix's; <see cref="Save"/> and
/// <see cref="Load"/> keep the config, the weights and the vocabulary in one file.
/// </summary>
public sealed class TransformerLanguageModel : nn.Module<Tensor, Tensor>
{
    /// <summary>Targets equal to this are left out of <see cref="Loss"/> (e.g. the prompt part of a task).</summary>
    public const long IgnoredTarget = -100;

    const string FileHeader = "Book.TransformerLanguageModel 1";

    readonly Embedding tokenEmbedding;
    readonly Embedding positionEmbedding;
    readonly Dropout dropout;
    readonly ModuleList<Block> blocks;
    readonly LayerNorm finalNorm;
    readonly Linear? untiedHead;

    /// <summary>A model with the hyper-parameters of <paramref name="config"/>, a <see cref="TransformerKind.DecoderOnly"/> config.</summary>
    public TransformerLanguageModel(TransformerConfig config, Device? device = null) : base(nameof(TransformerLanguageModel))
    {
        ArgumentNullException.ThrowIfNull(config);
        config.Validate();
        if (config.Kind != TransformerKind.DecoderOnly)
            throw new ArgumentException($"Expected a {TransformerKind.DecoderOnly} config for a language model, got {config.Kind}.", nameof(config));
        Config = config;
        tokenEmbedding = nn.Embedding(config.VocabularySize, config.ModelWidth);
        positionEmbedding = nn.Embedding(config.ContextLength, config.ModelWidth);
        dropout = nn.Dropout(config.Dropout);
        blocks = nn.ModuleList(Enumerable.Range(0, config.Layers).Select(_ => new Block(config)).ToArray());
        finalNorm = nn.LayerNorm(config.ModelWidth, bias: config.Biases);
        untiedHead = config.Head == OutputHead.Untied ? nn.Linear(config.ModelWidth, config.VocabularySize, hasBias: false) : null;
        RegisterComponents();
        InitialiseWeights();
        this.to(device ?? Devices.Default);
    }

    /// <summary>The hyper-parameters the model was built from.</summary>
    public TransformerConfig Config { get; }

    /// <summary>Logits [batch, time, V] for token ids [batch, time], positions 0 … time − 1.</summary>
    public override Tensor forward(Tensor tokens) => Run(tokens, cache: null, weights: null);

    /// <summary>
    /// Logits for <paramref name="tokens"/> [batch, time] that follow the <c>cache.Length</c> positions already in
    /// <paramref name="cache"/>; their keys and values are appended to it. With an empty cache this is
    /// <see cref="forward"/>; afterwards one token at a time costs one position's work.
    /// </summary>
    public Tensor Forward(Tensor tokens, KeyValueCache cache)
    {
        ArgumentNullException.ThrowIfNull(cache);
        if (cache.Layers != Config.Layers)
            throw new ArgumentException($"Expected a cache of {Config.Layers} layers (from NewCache), got one of {cache.Layers}.", nameof(cache));
        return Run(tokens, cache, weights: null);
    }

    /// <summary>An empty key/value cache for <see cref="Forward(Tensor, KeyValueCache)"/>.</summary>
    public KeyValueCache NewCache() => new(Config.Layers);

    /// <summary>Every layer's attention weights for <paramref name="tokens"/>, each [batch, heads, time, time] (eval mode, no gradients).</summary>
    public IReadOnlyList<Tensor> AttentionWeights(Tensor tokens)
    {
        var weights = new List<Tensor>();
        using var mode = Evaluating();
        using var noGrad = no_grad();
        Run(tokens, cache: null, weights).Dispose();
        return weights;
    }

    Tensor Run(Tensor tokens, KeyValueCache? cache, List<Tensor>? weights)
    {
        Shapes.Require(tokens, "token ids", "batch", "time");
        long start = cache?.Length ?? 0, time = tokens.shape[1];
        if (start + time > Config.ContextLength)
            throw new ArgumentException(
                $"Expected at most ContextLength = {Config.ContextLength} positions, got {start + time} ({start} cached + {time} new); " +
                "crop the input to its last ContextLength tokens.");
        var positions = arange(start, start + time, dtype: ScalarType.Int64, device: tokens.device);
        var x = dropout.call(tokenEmbedding.call(tokens) + positionEmbedding.call(positions));
        for (int layer = 0; layer < blocks.Count; layer++)
            x = blocks[layer].Forward(x, cache?.Layer(layer), weights);
        cache?.Advance(time);
        x = finalNorm.call(x);
        return untiedHead is null ? x.matmul(tokenEmbedding.weight!.t()) : untiedHead.call(x);
    }

    /// <summary>
    /// Next-token cross-entropy, −(1/N) Σ log P(target), over every position whose target is not
    /// <see cref="IgnoredTarget"/>: logits [batch, time, V] against targets [batch, time] (the inputs shifted by one).
    /// Pass it to the <c>Trainer</c> as the loss.
    /// </summary>
    public static Tensor Loss(Tensor logits, Tensor targets)
    {
        ArgumentNullException.ThrowIfNull(logits);
        Shapes.Require(targets, "targets", logits.shape[0], logits.shape[1]);
        return nn.functional.cross_entropy(logits.reshape(-1, logits.shape[2]), targets.reshape(-1), ignore_index: IgnoredTarget);
    }

    /// <summary>
    /// <paramref name="prompt"/> [batch, time] extended by <paramref name="newTokens"/> tokens, each drawn from
    /// softmax(logits / temperature) of the last position (temperature 0: always the most likely token; topK: only
    /// among the k most likely). With <paramref name="useCache"/> the keys and values of earlier positions are kept
    /// (<see cref="KeyValueCache"/>); the tokens are the same either way. Each draw takes one uniform number from
    /// TorchSharp's generator and inverts the cumulative distribution, so a seeded run repeats on every processor.
    /// </summary>
    public Tensor Generate(Tensor prompt, int newTokens, double temperature = 1.0, int? topK = null, bool useCache = true)
    {
        var tokens = prompt.to(tokenEmbedding.weight!.device).clone();
        foreach (var next in GenerateSteps(prompt, newTokens, temperature, topK, useCache))
        {
            var longer = cat([tokens, next], 1);
            tokens.Dispose();
            next.Dispose();
            tokens = longer;
        }
        return tokens;
    }

    /// <summary>
    /// The tokens <see cref="Generate"/> appends, one [batch, 1] tensor per step as soon as it is drawn — for
    /// streaming them to a reader. Once the sequence fills the context, each step re-reads the last
    /// ContextLength tokens (positions start at 0 again), with or without the cache.
    /// </summary>
    public IEnumerable<Tensor> GenerateSteps(Tensor prompt, int newTokens, double temperature = 1.0, int? topK = null, bool useCache = true)
    {
        Shapes.Require(prompt, "prompt", "batch", "time");
        if (prompt.shape[1] < 1) throw new ArgumentException("Expected a prompt of at least one token, got none.", nameof(prompt));
        if (newTokens < 0) throw new ArgumentOutOfRangeException(nameof(newTokens), newTokens, "Expected a non-negative number of tokens.");
        if (!(temperature >= 0)) throw new ArgumentOutOfRangeException(nameof(temperature), temperature, "Expected a non-negative temperature.");
        if (topK is < 1) throw new ArgumentOutOfRangeException(nameof(topK), topK, "Expected topK ≥ 1, or null for all tokens.");
        return Steps(prompt, newTokens, temperature, topK, useCache);
    }

    IEnumerable<Tensor> Steps(Tensor prompt, int newTokens, double temperature, int? topK, bool useCache)
    {
        using var mode = Evaluating();
        using var cache = useCache ? NewCache() : null;
        var context = prompt.to(tokenEmbedding.weight!.device).clone();
        try
        {
            for (int i = 0; i < newTokens; i++)
            {
                Interruption.ThrowIfRequested();
                Tensor next;
                using (var scope = NewDisposeScope())
                using (no_grad())
                {
                    var logits = NextLogits(context, cache);
                    next = Sample(logits, temperature, topK).MoveToOuterDisposeScope();
                }
                var longer = cat([context, next], 1);
                context.Dispose();
                context = longer;
                yield return next.clone();
                next.Dispose();
            }
        }
        finally
        {
            context.Dispose();
        }
    }

    /// <summary>The logits of the position after <paramref name="context"/>, reusing the cache while the context fits.</summary>
    Tensor NextLogits(Tensor context, KeyValueCache? cache)
    {
        long window = Math.Min(context.shape[1], Config.ContextLength);
        if (cache is null) return call(context.narrow(1, context.shape[1] - window, window)).select(1, -1);
        bool fits = cache.Length > 0 && cache.Length == context.shape[1] - 1 && cache.Length < Config.ContextLength;
        if (!fits) cache.Clear();
        var input = fits ? context.narrow(1, context.shape[1] - 1, 1) : context.narrow(1, context.shape[1] - window, window);
        return Forward(input, cache).select(1, -1);
    }

    static Tensor Sample(Tensor logits, double temperature, int? topK)
    {
        if (temperature == 0) return logits.argmax(-1, keepdim: true);
        if (topK is int k && k < logits.shape[^1])
        {
            var kth = logits.topk(k).values.narrow(-1, k - 1, 1);
            logits = logits.masked_fill(logits.lt(kth), double.NegativeInfinity);
        }
        // Inverse-CDF sampling: u ~ U[0, 1), the first token whose cumulative probability exceeds u. Written out rather
        // than multinomial(), whose draws depend on the CPU's vector kernels; uniform draws and cumsum do not.
        var cumulative = nn.functional.softmax(logits.to_type(ScalarType.Float64) / temperature, -1).cumsum(-1);
        var u = rand(logits.shape[0], 1, dtype: ScalarType.Float64, device: logits.device);
        return cumulative.le(u).sum(-1, keepdim: true).clamp_max(logits.shape[^1] - 1);
    }

    /// <summary>
    /// Writes the config, the weights and (optionally) the vocabulary the token ids refer to into one file, atomically:
    /// an interrupted save leaves any earlier file as it was.
    /// </summary>
    public void Save(string path, Vocabulary? vocabulary = null)
    {
        var header = new SavedHeader(FileHeader, Config, vocabulary?.Tokens.Skip(2).ToArray());
        AtomicFile.Write(path, temporary =>
        {
            using var writer = new BinaryWriter(File.Create(temporary));
            writer.Write(JsonSerializer.Serialize(header));
            save(writer);
        });
    }

    /// <summary>A model and its vocabulary (null when saved without one) read from a file written by <see cref="Save"/>.</summary>
    public static (TransformerLanguageModel Model, Vocabulary? Vocabulary) Load(string path, Device? device = null)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: not found; expected a model written by TransformerLanguageModel.Save.", path);
        using var reader = new BinaryReader(File.OpenRead(path));
        SavedHeader? header;
        try
        {
            header = JsonSerializer.Deserialize<SavedHeader>(reader.ReadString());
        }
        catch (Exception error) when (error is JsonException or EndOfStreamException or IOException)
        {
            throw new InvalidDataException($"{path}: not a model written by TransformerLanguageModel.Save (its header does not read as one).", error);
        }
        if (header?.Format != FileHeader || header.Config is null)
            throw new InvalidDataException($"{path}: expected the header '{FileHeader}', got '{header?.Format}'.");
        var model = new TransformerLanguageModel(header.Config, CPU);
        try
        {
            model.load(reader, strict: true);
        }
        catch (Exception error) when (error is ArgumentException or EndOfStreamException or IOException)
        {
            throw new InvalidDataException($"{path}: the weights do not fit the saved config ({error.Message}).", error);
        }
        model.to(device ?? Devices.Default);
        return (model, header.Tokens is null ? null : new Vocabulary(header.Tokens));
    }

    sealed record SavedHeader(string Format, TransformerConfig Config, string[]? Tokens);

    /// <summary>
    /// The keys and values every layer has computed for the positions read so far (chapter 10): generating token
    /// t + 1 needs the keys and values of positions 0 … t, and those of 0 … t − 1 have not changed, so only the new
    /// position's are computed and appended. Memory: 2 · L · batch · t · d numbers, <see cref="BytesPerToken"/> per
    /// token and sequence (what limits how many conversations one accelerator serves, chapter 12). Make one with
    /// <see cref="NewCache"/>; <see cref="Clear"/> empties it.
    /// </summary>
    public sealed class KeyValueCache : IDisposable
    {
        readonly LayerCache[] layers;

        internal KeyValueCache(int layers) => this.layers = Enumerable.Range(0, layers).Select(_ => new LayerCache()).ToArray();

        /// <summary>How many positions are cached.</summary>
        public int Length { get; private set; }

        /// <summary>How many layers the cache serves.</summary>
        public int Layers => layers.Length;

        /// <summary>The numbers held, over all layers: keys and values.</summary>
        public long Elements => layers.Sum(l => (l.Keys?.numel() ?? 0) + (l.Values?.numel() ?? 0));

        /// <summary>The memory the held keys and values take, in bytes.</summary>
        public long Bytes => layers.Sum(l => ((l.Keys?.numel() ?? 0) + (l.Values?.numel() ?? 0)) * (l.Keys?.ElementSize ?? 0));

        /// <summary>
        /// 2·L·d·bytes: the cache's bytes per token of one sequence — a key and a value of width d in each of L layers,
        /// <paramref name="bytesPerNumber"/> bytes per number (4 for float32, 2 for 16-bit formats).
        /// </summary>
        public static double BytesPerToken(int layers, int modelWidth, double bytesPerNumber) => 2.0 * layers * modelWidth * bytesPerNumber;

        internal LayerCache Layer(int layer) => layers[layer];

        internal void Advance(long positions) => Length += (int)positions;

        /// <summary>Forgets every position.</summary>
        public void Clear()
        {
            foreach (var layer in layers) layer.Clear();
            Length = 0;
        }

        /// <inheritdoc />
        public void Dispose() => Clear();

        /// <summary>One layer's keys and values, [batch, heads, positions, d/h] each.</summary>
        internal sealed class LayerCache
        {
            public Tensor? Keys { get; private set; }
            public Tensor? Values { get; private set; }

            /// <summary>Appends the new positions' keys and values and returns those of all positions.</summary>
            public (Tensor Keys, Tensor Values) Append(Tensor keys, Tensor values)
            {
                var (allKeys, allValues) = Keys is null ? (keys.clone(), values.clone()) : (cat([Keys, keys], 2), cat([Values!, values], 2));
                Clear();
                (Keys, Values) = (allKeys.DetachFromDisposeScope(), allValues.DetachFromDisposeScope());
                return (Keys, Values);
            }

            public void Clear()
            {
                Keys?.Dispose();
                Values?.Dispose();
                (Keys, Values) = (null, null);
            }
        }
    }

    /// <summary>GPT-2's initialisation: weights N(0, 0.02²), biases 0, and the residual projections scaled by 1/√(2L).</summary>
    void InitialiseWeights()
    {
        using var noGrad = no_grad();
        foreach (var (name, parameter) in named_parameters())
        {
            if (name.Contains("Norm")) continue; // layer norms keep γ = 1, β = 0
            if (name.EndsWith("bias")) parameter.zero_();
            else parameter.normal_(0, name.EndsWith("output.weight") || name.EndsWith("down.weight") ? 0.02 / Math.Sqrt(2 * Config.Layers) : 0.02);
        }
    }

    IDisposable Evaluating()
    {
        bool wasTraining = training;
        eval();
        return new Restore(() => train(wasTraining));
    }

    sealed class Restore(Action undo) : IDisposable
    {
        public void Dispose() => undo();
    }

    /// <summary>One pre-norm block: x ← x + Attention(LayerNorm(x)); x ← x + FeedForward(LayerNorm(x)).</summary>
    sealed class Block : nn.Module
    {
        readonly LayerNorm attentionNorm;
        readonly CausalSelfAttention attention;
        readonly LayerNorm feedForwardNorm;
        readonly FeedForward feedForward;

        public Block(TransformerConfig config) : base(nameof(Block))
        {
            attentionNorm = nn.LayerNorm(config.ModelWidth, bias: config.Biases);
            attention = new CausalSelfAttention(config);
            feedForwardNorm = nn.LayerNorm(config.ModelWidth, bias: config.Biases);
            feedForward = new FeedForward(config);
            RegisterComponents();
        }

        public Tensor Forward(Tensor x, KeyValueCache.LayerCache? cache, List<Tensor>? weights)
        {
            x = x + attention.Forward(attentionNorm.call(x), cache, weights);
            return x + feedForward.call(feedForwardNorm.call(x));
        }
    }

    /// <summary>
    /// Multi-head causal self-attention: [q k v] = x W_qkv (d → 3d), split into h heads of d/h,
    /// softmax(q kᵀ / √(d/h) + causal mask) v per head, heads concatenated, then x W_o (d → d).
    /// </summary>
    sealed class CausalSelfAttention : nn.Module
    {
        readonly Linear queryKeyValue;
        readonly Linear output;
        readonly Dropout dropout;
        readonly int heads;
        readonly double attentionDropout;

        public CausalSelfAttention(TransformerConfig config) : base(nameof(CausalSelfAttention))
        {
            queryKeyValue = nn.Linear(config.ModelWidth, 3 * config.ModelWidth, hasBias: config.Biases);
            output = nn.Linear(config.ModelWidth, config.ModelWidth, hasBias: config.Biases);
            dropout = nn.Dropout(config.Dropout);
            (heads, attentionDropout) = (config.Heads, config.Dropout);
            RegisterComponents();
        }

        public Tensor Forward(Tensor x, KeyValueCache.LayerCache? cache, List<Tensor>? weights)
        {
            long batch = x.shape[0], time = x.shape[1], width = x.shape[2];
            var qkv = queryKeyValue.call(x).chunk(3, dim: -1);
            var (q, k, v) = (SplitHeads(qkv[0]), SplitHeads(qkv[1]), SplitHeads(qkv[2])); // [batch, h, time, d/h]
            if (cache is not null) (k, v) = cache.Append(k, v);                           // keys of all positions so far
            // Query i is position (cached + i); it may read keys 0 … cached + i: the lower triangle, shifted right.
            using var allowed = ones(time, k.shape[2], dtype: ScalarType.Bool, device: x.device).tril(k.shape[2] - time);
            var (attended, w) = ScaledDotProductAttention.Apply(q, k, v, allowed, dropout: training ? attentionDropout : 0);
            weights?.Add(w);
            var joined = attended.transpose(1, 2).reshape(batch, time, width);            // concatenate the heads
            return dropout.call(output.call(joined));

            Tensor SplitHeads(Tensor t) => t.reshape(batch, time, heads, width / heads).transpose(1, 2);
        }
    }

    /// <summary>The position-wise feed-forward network: x W₁ + b₁ → GELU → W₂ + b₂ (d → d_ff → d).</summary>
    sealed class FeedForward : nn.Module<Tensor, Tensor>
    {
        readonly Linear up;
        readonly GELU activation;
        readonly Linear down;
        readonly Dropout dropout;

        public FeedForward(TransformerConfig config) : base(nameof(FeedForward))
        {
            up = nn.Linear(config.ModelWidth, config.FeedForwardWidth, hasBias: config.Biases);
            activation = nn.GELU();
            down = nn.Linear(config.FeedForwardWidth, config.ModelWidth, hasBias: config.Biases);
            dropout = nn.Dropout(config.Dropout);
            RegisterComponents();
        }

        public override Tensor forward(Tensor x) => dropout.call(down.call(activation.call(up.call(x))));
    }
}
