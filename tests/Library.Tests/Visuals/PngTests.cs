using System.Buffers.Binary;
using System.IO.Compression;
using Book.Display;
using Book.Visuals;
using static TorchSharp.torch;

namespace Book.Tests.Visuals;

public class PngTests
{
    /// <summary>Decodes what <see cref="PngEncoder"/> writes (filter 0 only) and checks every CRC on the way.</summary>
    static (int Width, int Height, int ColourType, byte[] Pixels) Decode(byte[] png)
    {
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
        int at = 8, width = 0, height = 0, colourType = 0;
        var idat = new MemoryStream();
        while (at < png.Length)
        {
            int length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
            string type = System.Text.Encoding.ASCII.GetString(png, at + 4, 4);
            var data = png.AsSpan(at + 8, length);
            Assert.Equal(BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(at + 8 + length)), PngEncoder.Crc32(png.AsSpan(at + 4, length + 4)));
            if (type == "IHDR") { width = BinaryPrimitives.ReadInt32BigEndian(data); height = BinaryPrimitives.ReadInt32BigEndian(data[4..]); colourType = data[9]; }
            if (type == "IDAT") idat.Write(data);
            at += 12 + length;
        }
        idat.Position = 0;
        using var zlib = new ZLibStream(idat, CompressionMode.Decompress);
        using var raw = new MemoryStream();
        zlib.CopyTo(raw);
        int channels = colourType == 0 ? 1 : 3;
        var rows = raw.ToArray().Chunk(1 + width * channels).ToArray();
        Assert.All(rows, row => Assert.Equal(0, row[0]));
        return (width, height, colourType, rows.SelectMany(r => r[1..]).ToArray());
    }

    [Fact]
    public void Crc32_matches_the_standard_check_value()
    {
        Assert.Equal(0xCBF43926u, PngEncoder.Crc32("123456789"u8));
    }

    [Fact]
    public void A_grayscale_image_round_trips_through_png()
    {
        byte[] pixels = { 0, 64, 128, 255, 1, 2 };
        var (w, h, type, decoded) = Decode(PngEncoder.Encode(3, 2, 1, pixels));
        Assert.Equal((3, 2, 0), (w, h, type));
        Assert.Equal(pixels, decoded);
    }

    [Fact]
    public void A_tensor_becomes_a_scaled_image_shown_as_base64_png()
    {
        using var t = tensor(new float[] { 0, 1, 0.5f, 1 }, 2, 2);
        var image = Image.FromTensor(t, scale: 2);
        Assert.Equal((4, 4, 1), (image.Width, image.Height, image.Channels));
        Assert.Equal(new byte[] { 0, 0, 255, 255 }, image.Pixels[..4]);
        Assert.Equal(128, image.Pixels[8]);
        var bundle = MimeBundle.Of(image);
        Assert.Equal("[image 4×4 grayscale]", bundle[MimeTypes.PlainText]);
        Assert.Equal(image.Pixels, Decode(Convert.FromBase64String(bundle[MimeTypes.Png])).Pixels);
    }

    [Fact]
    public void Rgb_channels_are_interleaved_and_out_of_unit_ranges_are_stretched()
    {
        using var t = tensor(new float[] { -1, 1, 0, 0, 0, 0 }, 3, 1, 2);
        var image = Image.FromTensor(t);
        Assert.Equal(new byte[] { 0, 128, 128, 255, 128, 128 }, image.Pixels);
        Assert.Equal(2, Decode(image.ToPng()).ColourType);
    }

    [Fact]
    public void An_image_grid_png_has_white_gaps()
    {
        using var images = zeros(3, 1, 2, 2);
        var image = ImageGrid.ToImage(images, columns: 2, scale: 1, gap: 1);
        Assert.Equal((5, 5), (image.Width, image.Height));
        Assert.Equal(new byte[] { 0, 0, 255, 0, 0 }, image.Pixels[..5]);
        Assert.Equal(255, image.Pixels[5 * 4 + 4]); // the empty fourth place
    }

    [Fact]
    public void Wrong_shapes_and_sizes_are_refused_with_both_sides()
    {
        Assert.Contains("got [2, 2, 2, 2] float32", Assert.Throws<ArgumentException>(() => Image.FromTensor(zeros(2, 2, 2, 2))).Message);
        Assert.Contains("= 6 bytes of pixels, got 5", Assert.Throws<ArgumentException>(() => PngEncoder.Encode(3, 2, 1, new byte[5])).Message);
    }
}
