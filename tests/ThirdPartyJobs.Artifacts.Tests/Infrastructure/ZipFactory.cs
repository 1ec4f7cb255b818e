using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace ThirdPartyJobs.Artifacts.Tests.Infrastructure;

/// <summary>Builds hostile and ordinary ZIP archives in memory for the extraction tests.</summary>
public static class ZipFactory
{
    public const int UnixSymbolicLink = 0xA000;
    public const int UnixFifo = 0x1000;
    public const int UnixRegularFile = 0x8000;

    public static byte[] Create(Action<ZipArchive> build)
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            build(archive);
        }

        return buffer.ToArray();
    }

    public static void AddFile(this ZipArchive archive, string name, byte[] content, CompressionLevel level = CompressionLevel.Optimal, int? unixType = null, int unixMode = 0x1A4)
    {
        var entry = archive.CreateEntry(name, level);
        if (unixType is { } type)
        {
            entry.ExternalAttributes = (type | unixMode) << 16;
        }

        using var stream = entry.Open();
        stream.Write(content);
    }

    public static void AddText(this ZipArchive archive, string name, string text, int? unixType = null) =>
        archive.AddFile(name, Encoding.UTF8.GetBytes(text), unixType: unixType);

    /// <summary>Rewrites the uncompressed size the local and central headers declare for <paramref name="entryName"/>: a lying archive.</summary>
    public static byte[] WithDeclaredSize(byte[] zip, string entryName, uint declaredSize)
    {
        var bytes = (byte[])zip.Clone();
        var patched = false;
        for (var at = 0; at <= bytes.Length - 46; at++)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(at)) != 0x02014b50)
            {
                continue;
            }

            var nameLength = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(at + 28));
            if (Encoding.UTF8.GetString(bytes, at + 46, nameLength) != entryName)
            {
                continue;
            }

            var localHeader = (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(at + 42));
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(at + 24), declaredSize);
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(localHeader + 22), declaredSize);
            patched = true;
        }

        return patched ? bytes : throw new ArgumentException($"No entry '{entryName}' in the archive.", nameof(entryName));
    }

    /// <summary>
    /// Turns a one-entry archive into one whose central directory lists <paramref name="copies"/> entries
    /// (named <c>0.bin</c>, <c>1.bin</c>, …; the entry must be named like them) that all point at the same
    /// local header and compressed data: overlapping entries.
    /// </summary>
    public static byte[] WithOverlappingEntries(byte[] singleEntryZip, int copies)
    {
        var end = singleEntryZip.Length - 22;
        var directorySize = (int)BinaryPrimitives.ReadUInt32LittleEndian(singleEntryZip.AsSpan(end + 12));
        var directoryOffset = (int)BinaryPrimitives.ReadUInt32LittleEndian(singleEntryZip.AsSpan(end + 16));
        var record = singleEntryZip.AsSpan(directoryOffset, directorySize);
        var nameLength = BinaryPrimitives.ReadUInt16LittleEndian(record[28..]);
        using var result = new MemoryStream();
        result.Write(singleEntryZip, 0, directoryOffset);
        for (var i = 0; i < copies; i++)
        {
            var copy = record.ToArray();
            var name = Encoding.ASCII.GetBytes($"{i}.bin");
            if (name.Length != nameLength)
            {
                throw new ArgumentException("The entry must be named like 0.bin.", nameof(singleEntryZip));
            }

            name.CopyTo(copy, 46);
            result.Write(copy);
        }

        var endRecord = singleEntryZip.AsSpan(end, 22).ToArray();
        BinaryPrimitives.WriteUInt16LittleEndian(endRecord.AsSpan(8), (ushort)copies);
        BinaryPrimitives.WriteUInt16LittleEndian(endRecord.AsSpan(10), (ushort)copies);
        BinaryPrimitives.WriteUInt32LittleEndian(endRecord.AsSpan(12), (uint)(directorySize * copies));
        result.Write(endRecord);
        return result.ToArray();
    }

    /// <summary>Overwrites the first byte of <paramref name="entryName"/>'s deflate data with a reserved block type: a corrupt entry.</summary>
    public static byte[] WithCorruptData(byte[] zip, string entryName)
    {
        var bytes = (byte[])zip.Clone();
        for (var at = 0; at <= bytes.Length - 30; at++)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(at)) != 0x04034b50)
            {
                continue;
            }

            var nameLength = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(at + 26));
            var extraLength = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(at + 28));
            if (Encoding.UTF8.GetString(bytes, at + 30, nameLength) == entryName)
            {
                bytes[at + 30 + nameLength + extraLength] = 0xFF; // BFINAL=1, BTYPE=11: reserved, invalid
                return bytes;
            }
        }

        throw new ArgumentException($"No entry '{entryName}' in the archive.", nameof(entryName));
    }
}
