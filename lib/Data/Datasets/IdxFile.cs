using System.IO.Compression;
using static TorchSharp.torch;

namespace Book.Data;

/// <summary>
/// The IDX format of MNIST and Fashion-MNIST: two zero bytes, a type code (0x08 = unsigned byte), the
/// number of dimensions d, then d big-endian 32-bit sizes and the values in row-major order. Files ending
/// in <c>.gz</c> (starting with gzip's 1f 8b) are decompressed on the fly. Chapter 08.
/// </summary>
public static class IdxFile
{
    const byte UnsignedByte = 0x08;

    /// <summary>The file's values as a uint8 tensor of the file's shape, e.g. <c>[60000, 28, 28]</c>.</summary>
    public static Tensor Read(string path)
    {
        byte[] bytes = ReadAllDecompressed(path);
        if (bytes.Length < 4 || bytes[0] != 0 || bytes[1] != 0)
            throw new InvalidDataException($"{path}: expected an IDX file (starting 00 00), got {Convert.ToHexString(bytes.AsSpan(0, Math.Min(4, bytes.Length)))}.");
        if (bytes[2] != UnsignedByte)
            throw new InvalidDataException($"{path}: expected IDX type 0x08 (unsigned byte), got 0x{bytes[2]:x2}.");
        int dims = bytes[3];
        int header = 4 + 4 * dims;
        if (bytes.Length < header) throw new InvalidDataException($"{path}: expected a header of {header} bytes for {dims} dimensions, got {bytes.Length} bytes in all.");
        var shape = new long[dims];
        for (int d = 0; d < dims; d++)
            shape[d] = (uint)(bytes[4 + 4 * d] << 24 | bytes[5 + 4 * d] << 16 | bytes[6 + 4 * d] << 8 | bytes[7 + 4 * d]);
        long expected = shape.Aggregate(1L, (a, b) => a * b);
        long actual = bytes.Length - header;
        if (actual != expected)
            throw new InvalidDataException(
                $"{path}: expected {expected} values for shape [{string.Join(", ", shape)}], got {actual}.");
        return tensor(bytes[header..], shape, ScalarType.Byte);
    }

    static byte[] ReadAllDecompressed(string path)
    {
        using var file = File.OpenRead(path);
        bool gzip = file.ReadByte() == 0x1f & file.ReadByte() == 0x8b;
        file.Position = 0;
        using Stream input = gzip ? new GZipStream(file, CompressionMode.Decompress) : file;
        using var all = new MemoryStream();
        input.CopyTo(all);
        return all.ToArray();
    }
}
