using System.Buffers.Binary;
using System.IO.Compression;
using Roster.Api.Access;

namespace Roster.Api.OnDuty;

/// <summary>
/// An on-duty answer as written: <c>{"units":[…],"at":"…"}</c>. Everything but the instant is the same for every request
/// the board is cached for, so it is kept whole — as JSON, and Brotli- and gzip-encoded once each, the encoders flushed
/// (byte-aligned, not finished) — and a request adds only its instant and the end of the stream: in Brotli a stored
/// meta-block and the last empty one (RFC 7932 §9.2), in gzip a final stored deflate block (RFC 1951 §3.2.4) and the
/// trailer, its CRC-32 carried on from the prefix's (RFC 1952).
/// </summary>
internal sealed class OnDutyBody
{
    private static readonly byte[] Head = "{\"units\":"u8.ToArray();
    private static readonly byte[] Middle = ",\"at\":"u8.ToArray();
    private static readonly byte[] GzipHeader = [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff];
    private static readonly uint[] CrcTable = CreateCrcTable();

    private readonly Lazy<byte[]> _brotli;
    private readonly Lazy<(byte[] Deflate, uint Crc)> _gzip;

    public OnDutyBody(byte[] units)
    {
        ArgumentNullException.ThrowIfNull(units);
        Prefix = [.. Head, .. units, .. Middle];
        _brotli = new Lazy<byte[]>(() => FlushedBrotli(Prefix));
        _gzip = new Lazy<(byte[], uint)>(() => (FlushedDeflate(Prefix), Crc32(uint.MaxValue, Prefix)));
    }

    /// <summary><c>{"units":[…],"at":</c></summary>
    public byte[] Prefix { get; }

    /// <summary>The whole answer for <paramref name="suffix"/> (the instant and the closing brace) in <paramref name="coding"/>.</summary>
    public (byte[] Start, byte[] End) Encoded(string coding, ReadOnlySpan<byte> suffix)
    {
        if (suffix.Length > ushort.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(suffix));
        }

        if (coding == ContentCodings.Brotli)
        {
            // ISLAST 0, MNIBBLES 4, MLEN - 1 in 16 bits, ISUNCOMPRESSED 1, zero bits to the byte; then ISLAST 1, ISLASTEMPTY 1.
            var header = ((uint)(suffix.Length - 1) << 3) | (1u << 19);
            var end = new byte[3 + suffix.Length + 1];
            end[0] = (byte)header;
            end[1] = (byte)(header >> 8);
            end[2] = (byte)(header >> 16);
            suffix.CopyTo(end.AsSpan(3));
            end[^1] = 0x03;
            return (_brotli.Value, end);
        }

        var (deflate, crc) = _gzip.Value;
        // BFINAL 1, BTYPE 00 (stored), LEN, NLEN; then CRC-32 and ISIZE (mod 2^32).
        var tail = new byte[5 + suffix.Length + 8];
        tail[0] = 1;
        BinaryPrimitives.WriteUInt16LittleEndian(tail.AsSpan(1), (ushort)suffix.Length);
        BinaryPrimitives.WriteUInt16LittleEndian(tail.AsSpan(3), (ushort)(suffix.Length ^ 0xFFFF));
        suffix.CopyTo(tail.AsSpan(5));
        BinaryPrimitives.WriteUInt32LittleEndian(tail.AsSpan(5 + suffix.Length), ~Crc32(crc, suffix));
        BinaryPrimitives.WriteUInt32LittleEndian(tail.AsSpan(9 + suffix.Length), unchecked((uint)(Prefix.Length + suffix.Length)));
        return (deflate, tail);
    }

    private static byte[] FlushedBrotli(byte[] body)
    {
        using var output = new MemoryStream(body.Length / 8);
        using var encoder = new BrotliStream(output, new BrotliCompressionOptions { Quality = 5 }, leaveOpen: true);
        encoder.Write(body);
        encoder.Flush();
        return output.ToArray();
    }

    private static byte[] FlushedDeflate(byte[] body)
    {
        using var output = new MemoryStream(body.Length / 8);
        output.Write(GzipHeader);
        using var encoder = new DeflateStream(output, CompressionLevel.Optimal, leaveOpen: true);
        encoder.Write(body);
        encoder.Flush();
        return output.ToArray();
    }

    /// <summary>CRC-32 (IEEE) register after <paramref name="data"/>, from <paramref name="register"/> (start: all ones; the
    /// checksum is its complement).</summary>
    private static uint Crc32(uint register, ReadOnlySpan<byte> data)
    {
        foreach (var b in data)
        {
            register = CrcTable[(register ^ b) & 0xff] ^ (register >> 8);
        }

        return register;
    }

    private static uint[] CreateCrcTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}
