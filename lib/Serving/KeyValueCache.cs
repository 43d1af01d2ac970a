using Book.Attention;
using Book.Models;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Book.Serving;

/// <summary>
/// The key/value cache of generation (chapter 12). A causal transformer that has read t tokens and is asked
/// for token t + 1 recomputes, without a cache, the keys and values of all t earlier positions in every layer —
/// although they cannot change, since position i only ever attends to positions ≤ i. The cache keeps each
/// layer's keys K and values V [batch, heads, t, d/h]; a step then feeds only the newest token: its query
/// attends over the cached K, V plus its own, and its key and value are appended. A step's work drops from
/// about 2N·t to 2N FLOPs (N parameters), at the price of memory that grows with the text:
/// 2 (K and V) × L layers × d numbers × bytes per number, per token and sequence (<see cref="BytesPerToken"/>).
/// <see cref="Generate"/> decodes exactly as <see cref="TransformerLanguageModel.Generate"/> does — the same
/// tokens for the same logits — and needs prompt + new tokens ≤ the model's context.
/// </summary>
public sealed class KeyValueCache : IDisposable
{
    readonly (Tensor Keys, Tensor Values)?[] layers;

    /// <summary>An empty cache for a model of <paramref name="layerCount"/> blocks.</summary>
    public KeyValueCache(int layerCount)
    {
        if (layerCount < 1) throw new ArgumentOutOfRangeException(nameof(layerCount), layerCount, "Expected at least one layer.");
        layers = new (Tensor, Tensor)?[layerCount];
    }

    /// <summary>How many positions are cached (those of the first layer).</summary>
    public long Length => layers[0]?.Keys.shape[2] ?? 0;

    /// <summary>Memory the cached keys and values take, in bytes.</summary>
    public long Bytes => layers.Sum(l => l is { } kv ? (kv.Keys.numel() + kv.Values.numel()) * kv.Keys.ElementSize : 0);

    /// <summary>2·L·d·bytes: cache bytes per token of one sequence, for L layers of width d.</summary>
    public static double BytesPerToken(int layerCount, int modelSize, double bytesPerNumber) => 2.0 * layerCount * modelSize * bytesPerNumber;

    /// <summary>
    /// Appends the keys and values [batch, heads, t_new, d/h] of new positions to layer <paramref name="layer"/> and
    /// returns all of that layer's keys and values so far.
    /// </summary>
    public (Tensor Keys, Tensor Values) Append(int layer, Tensor keys, Tensor values)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(values);
        if (layer < 0 || layer >= layers.Length) throw new ArgumentOutOfRangeException(nameof(layer), layer, $"Expected a layer in [0, {layers.Length}).");
        var updated = layers[layer] is { } old
            ? (cat([old.Keys, keys], 2).DetachFromDisposeScope(), cat([old.Values, values], 2).DetachFromDisposeScope())
            : (keys.clone().DetachFromDisposeScope(), values.clone().DetachFromDisposeScope());
        if (layers[layer] is { } previous)
        {
            previous.Keys.Dispose();
            previous.Values.Dispose();
        }
        layers[layer] = updated;
        return updated;
    }

    /// <summary>Frees the cached tensors.</summary>
    public void Dispose()
    {
        foreach (var kv in layers.OfType<(Tensor Keys, Tensor Values)>())
        {
            kv.Keys.Dispose();
            kv.Values.Dispose();
        }
        Array.Clear(layers);
    }

    /// <summary>
    /// Extends <paramref name="prompt"/> [batch, time] by <paramref name="newTokens"/> tokens with a cache: one forward
    /// pass over the prompt fills it, then every step runs the model on the newest token only. Each token is drawn
    /// from softmax(logits / temperature) of the last position (temperature 0: the most likely).
    /// </summary>
    /// <param name="cache">An empty cache to fill and keep (to look at its size afterwards); a temporary one when null.</param>
    public static Tensor Generate(TransformerLanguageModel model, Tensor prompt, int newTokens, double temperature = 0, KeyValueCache? cache = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(prompt);
        if (newTokens < 0) throw new ArgumentOutOfRangeException(nameof(newTokens), newTokens, "Expected a non-negative number of tokens.");
        if (temperature < 0) throw new ArgumentOutOfRangeException(nameof(temperature), temperature, "Expected a non-negative temperature.");
        var decoder = new CachedDecoder(model);
        if (prompt.dim() != 2 || prompt.shape[1] < 1 || prompt.shape[1] + newTokens > decoder.Context)
            throw new ArgumentException($"Expected a prompt [batch, time] with 1 ≤ time and time + {newTokens} new tokens ≤ the context {decoder.Context}, got [{string.Join(", ", prompt.shape)}].");
        bool wasTraining = model.training;
        model.eval();
        try
        {
            using var inference = inference_mode();
            using var temporary = cache is null ? new KeyValueCache(decoder.Layers) : null;
            var used = cache ?? temporary!;
            if (used.layers.Length != decoder.Layers || used.Length != 0)
                throw new ArgumentException($"Expected an empty cache for {decoder.Layers} layers, got one for {used.layers.Length} holding {used.Length} positions.", nameof(cache));
            var tokens = prompt.to(decoder.Device).clone();
            for (int i = 0; i < newTokens; i++)
            {
                Runtime.Interruption.ThrowIfRequested();
                using var scope = NewDisposeScope();
                var input = i == 0 ? tokens : tokens.narrow(1, tokens.shape[1] - 1, 1);
                var last = decoder.Forward(input, used).select(1, -1);
                var next = temperature == 0 ? last.argmax(-1, keepdim: true) : nn.functional.softmax(last / temperature, -1).multinomial(1);
                var longer = cat([tokens, next], 1).MoveToOuterDisposeScope();
                tokens.Dispose();
                tokens = longer;
            }
            return tokens;
        }
        finally
        {
            model.train(wasTraining);
        }
    }

    /// <summary>
    /// The logits [batch, time, vocabulary] of <paramref name="tokens"/> computed the cached way: the first
    /// <paramref name="promptLength"/> positions in one pass, then one position per step. They must equal the model's
    /// own forward pass over the whole text up to float rounding — the check that the cache changes nothing.
    /// </summary>
    public static Tensor Logits(TransformerLanguageModel model, Tensor tokens, int promptLength)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(tokens);
        var decoder = new CachedDecoder(model);
        if (tokens.dim() != 2 || promptLength < 1 || promptLength > tokens.shape[1] || tokens.shape[1] > decoder.Context)
            throw new ArgumentException($"Expected tokens [batch, time] with 1 ≤ promptLength ≤ time ≤ {decoder.Context}, got [{string.Join(", ", tokens.shape)}] and {promptLength}.");
        bool wasTraining = model.training;
        model.eval();
        try
        {
            using var inference = inference_mode();
            using var cache = new KeyValueCache(decoder.Layers);
            using var scope = NewDisposeScope();
            var input = tokens.to(decoder.Device);
            var steps = new List<Tensor> { decoder.Forward(input.narrow(1, 0, promptLength), cache) };
            for (long t = promptLength; t < tokens.shape[1]; t++) steps.Add(decoder.Forward(input.narrow(1, t, 1), cache));
            return cat(steps, 1).MoveToOuterDisposeScope();
        }
        finally
        {
            model.train(wasTraining);
        }
    }

    /// <summary>
    /// The forward pass of a pre-norm <see cref="TransformerLanguageModel"/>, position by position: the same layers,
    /// read from the model by the names it registers them under, with attention over the cache.
    /// </summary>
    sealed class CachedDecoder
    {
        readonly Embedding embedding;
        readonly Tensor positions;
        readonly IReadOnlyList<Block> blocks;
        readonly LayerNorm finalNorm;
        readonly Linear head;
        readonly int modelSize;

        public CachedDecoder(TransformerLanguageModel model)
        {
            var backbone = Child<TransformerBackbone>(model, "encoder");
            if (!backbone.Causal) throw new NotSupportedException("A key/value cache needs causal attention; this backbone is not causal.");
            if (backbone.Blocks.Any(b => b.Norm != NormPlacement.PreNorm))
                throw new NotSupportedException("The cached decoder follows pre-norm blocks; this model has post-norm ones.");
            blocks = backbone.Blocks.Select(Block.Of).ToList();
            embedding = Child<Embedding>(backbone, "embedding");
            finalNorm = Child<LayerNorm>(backbone, "finalNorm");
            head = Child<Linear>(model, "head");
            modelSize = backbone.ModelSize;
            Context = backbone.MaxLength;
            Device = head.weight!.device;
            positions = SinusoidalPositionalEncoding.Table(modelSize, Context).to(Device).to_type(head.weight!.dtype);
        }

        public int Context { get; }
        public int Layers => blocks.Count;
        public Device Device { get; }

        /// <summary>Logits [batch, t_new, vocabulary] for tokens [batch, t_new] that follow the cached positions.</summary>
        public Tensor Forward(Tensor tokens, KeyValueCache cache)
        {
            long start = cache.Length, count = tokens.shape[1];
            if (start > 0 && count > 1) throw new NotSupportedException("After the prompt, feed one token at a time.");
            var x = embedding.call(tokens) * Math.Sqrt(modelSize) + positions.narrow(0, start, count);
            for (int l = 0; l < blocks.Count; l++)
            {
                var b = blocks[l];
                x = x + b.Attend(b.Norm1.call(x), cache, l, causal: start == 0 && count > 1);
                x = x + b.Linear2.call(b.Activation.call(b.Linear1.call(b.Norm2.call(x))));
            }
            return head.call(finalNorm.call(x));
        }

        /// <summary>One pre-norm block's layers: x + Attention(LN₁(x)), then + FFN(LN₂(·)).</summary>
        sealed record Block(int Heads, int Size, LayerNorm Norm1, Linear Query, Linear Key, Linear Value, Linear Output,
            LayerNorm Norm2, Linear Linear1, nn.Module<Tensor, Tensor> Activation, Linear Linear2)
        {
            public static Block Of(TransformerEncoderBlock block)
            {
                var attention = block.Attention;
                return new(attention.Heads, attention.ModelSize, Child<LayerNorm>(block, "norm1"),
                    Child<Linear>(attention, "W_q"), Child<Linear>(attention, "W_k"), Child<Linear>(attention, "W_v"), Child<Linear>(attention, "W_o"),
                    Child<LayerNorm>(block, "norm2"), Child<Linear>(block, "linear1"), Child<nn.Module<Tensor, Tensor>>(block, "activation"),
                    Child<Linear>(block, "linear2"));
            }

            /// <summary>The new positions' queries attend over every cached key and value, their own appended first.</summary>
            public Tensor Attend(Tensor x, KeyValueCache cache, int layer, bool causal)
            {
                var (keys, values) = cache.Append(layer, Split(Key.call(x)), Split(Value.call(x)));
                var (output, _) = ScaledDotProductAttention.Apply(Split(Query.call(x)), keys, values, causal: causal);
                return Output.call(output.transpose(1, 2).reshape(x.shape[0], x.shape[1], Size));
            }

            Tensor Split(Tensor t) => t.reshape(t.shape[0], t.shape[1], Heads, Size / Heads).transpose(1, 2);
        }

        static T Child<T>(nn.Module parent, string name) where T : class =>
            parent.named_children().FirstOrDefault(c => c.name == name).module as T
            ?? throw new NotSupportedException(
                $"The cached decoder expects {parent.GetType().Name} to hold a {typeof(T).Name} named '{name}'; the model's layers have changed.");
    }
}
