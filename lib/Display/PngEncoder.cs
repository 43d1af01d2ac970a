using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Book.Display;

/// <summary>
/// A minimal PNG writer (W3C PNG specification): the 8-byte signature, an IHDR chunk (width, height,
/// bit depth 8, colour type 0 = grayscale or 2 = RGB), one IDAT chunk holding the zlib-compressed
/// scanlines, each preceded by filter byte 0 (none), and IEND. Every chunk is length, type, data and a
/// CRC-32 of type and data. Enough for the book's images without an imaging library.
/// </summary>
public static class PngEncoder
{
    static readonly byte[] Signature = { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A };
    static readonly uint[] CrcTable = Enumerable.Range(0, 256).Select(n =>
    {
        uint c = (uint)n;
        for (int k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        return c;
    }).ToArray();

    /// <summary>The PNG file of <paramref name="pixels"/>: <paramref name="height"/> rows of <paramref name="width"/> pixels of <paramref name="channels"/> bytes (1 gray, 3 RGB).</summary>
    public static byte[] Encode(int width, int height, int channels, ReadOnlySpan<byte> pixels)
    {
        if (width < 1 || height < 1) throw new ArgumentOutOfRangeException(nameof(width), $"Expected a positive width and height, got {width}×{height}.");
        if (channels is not (1 or 3)) throw new ArgumentOutOfRangeException(nameof(channels), channels, "Expected 1 (grayscale) or 3 (RGB) channels.");
        if (pixels.Length != width * height * channels)
            throw new ArgumentException($"Expected {width}×{height}×{channels} = {width * height * channels} bytes of pixels, got {pixels.Length}.", nameof(pixels));
        using var png = new MemoryStream();
        png.Write(Signature);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8;
        header[9] = channels == 1 ? (byte)0 : (byte)2;
        WriteChunk(png, "IHDR", header);
        WriteChunk(png, "IDAT", Compress(width * channels, height, pixels));
        WriteChunk(png, "IEND", Array.Empty<byte>());
        return png.ToArray();
    }

    static byte[] Compress(int rowBytes, int height, ReadOnlySpan<byte> pixels)
    {
        using var data = new MemoryStream();
        using (var zlib = new ZLibStream(data, CompressionLevel.Optimal, leaveOpen: true))
            for (int y = 0; y < height; y++)
            {
                zlib.WriteByte(0);
                zlib.Write(pixels.Slice(y * rowBytes, rowBytes));
            }
        return data.ToArray();
    }

    static void WriteChunk(Stream png, string type, byte[] data)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.Write(length);
        byte[] typeAndData = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typeAndData);
        Span<byte> crc = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typeAndData));
        png.Write(crc);
    }

    /// <summary>The CRC-32 (ISO-HDLC, polynomial 0xEDB88320 reflected) PNG puts after each chunk.</summary>
    public static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        uint c = 0xFFFFFFFFu;
        foreach (byte b in bytes) c = CrcTable[(c ^ b) & 0xFF] ^ (c >> 8);
        return c ^ 0xFFFFFFFFu;
    }
}
