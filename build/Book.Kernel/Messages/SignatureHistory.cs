namespace Book.Kernel.Messages;

/// <summary>
/// The signatures of the messages the kernel accepted, as jupyter_client keeps them (its digest history):
/// a correctly signed message that arrives a second time is a replay — someone who captured it sending it
/// again — and is dropped. The oldest signatures are forgotten beyond <see cref="Capacity"/>.
/// </summary>
public sealed class SignatureHistory(int capacity = 1 << 16)
{
    readonly HashSet<string> seen = new(StringComparer.Ordinal);
    readonly Queue<string> order = new();

    /// <summary>How many signatures are remembered (jupyter_client's default, 2^16).</summary>
    public int Capacity { get; } = capacity;

    /// <summary>Remembers <paramref name="signature"/>; false when it was seen before.</summary>
    public bool Add(string signature)
    {
        lock (seen)
        {
            if (!seen.Add(signature)) return false;
            order.Enqueue(signature);
            if (order.Count > Capacity) seen.Remove(order.Dequeue());
            return true;
        }
    }
}
