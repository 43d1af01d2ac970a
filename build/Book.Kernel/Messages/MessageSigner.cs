using System.Security.Cryptography;
using System.Text;

namespace Book.Kernel.Messages;

/// <summary>
/// Signs and checks messages as Jupyter does: HMAC-SHA256, keyed with the UTF-8 bytes of the
/// connection file's key, over the four JSON frames (header, parent header, metadata, content) in
/// that order, written as lowercase hex.
/// </summary>
public sealed class MessageSigner(string key)
{
    readonly byte[] keyBytes = Encoding.UTF8.GetBytes(key);

    /// <summary>The signature of the four JSON frames.</summary>
    public string Sign(IReadOnlyList<byte[]> jsonFrames) => Convert.ToHexStringLower(Hash(jsonFrames));

    /// <summary>True when <paramref name="signature"/> is the frames' signature (compared in constant time).</summary>
    public bool IsValid(string signature, IReadOnlyList<byte[]> jsonFrames)
    {
        byte[] claimed;
        try { claimed = Convert.FromHexString(signature); }
        catch (FormatException) { return false; }
        return CryptographicOperations.FixedTimeEquals(claimed, Hash(jsonFrames));
    }

    byte[] Hash(IReadOnlyList<byte[]> jsonFrames)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, keyBytes);
        foreach (var frame in jsonFrames) hmac.AppendData(frame);
        return hmac.GetHashAndReset();
    }
}
