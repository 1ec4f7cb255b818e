using System.Buffers.Binary;

namespace ThirdPartyJobs.Artifacts.Archives;

/// <summary>
/// Refuses archives whose entries share bytes: each entry's local header and compressed data must lie
/// in a range of the file no other entry uses. Otherwise ten central-directory entries pointing at one
/// 99 MiB deflate stream extract to ten times the data, each under the per-entry ratio threshold. Reads
/// the central directory (streamed) and each local header's 30 fixed bytes: O(n log n) for n entries.
/// </summary>
internal static class ZipOverlapCheck
{
    public static void ThrowIfOverlapping(Stream archive, ZipEndRecord end, CancellationToken cancellationToken)
    {
        var entries = ReadCentralDirectory(archive, end, cancellationToken);
        var ranges = new List<(long Start, long End, string Name)>(entries.Count);
        foreach (var (localOffset, compressedSize, name) in entries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            ranges.Add((localOffset, DataEnd(archive, localOffset, compressedSize, name), name));
        }

        ranges.Sort((left, right) => left.Start.CompareTo(right.Start));
        for (var i = 1; i < ranges.Count; i++)
        {
            if (ranges[i].Start < ranges[i - 1].End)
            {
                throw ZipEntryPolicy.Refuse(UnsafeArchiveReason.OverlappingEntries, ranges[i].Name, $"shares bytes of the archive with entry '{ZipEntryPolicy.Printable(ranges[i - 1].Name)}'");
            }
        }
    }

    private static List<(long LocalOffset, long CompressedSize, string Name)> ReadCentralDirectory(Stream archive, ZipEndRecord end, CancellationToken cancellationToken)
    {
        archive.Seek(end.CentralDirectoryOffset, SeekOrigin.Begin);
        var entries = new List<(long LocalOffset, long CompressedSize, string Name)>((int)Math.Min(end.Entries, 1 << 16));
        var reader = new BufferedStream(archive, 64 * 1024); // not disposed: that would close the archive
        var header = new byte[ZipFormat.CentralHeader.Size];
        var variable = new byte[3 * ushort.MaxValue];
        for (long i = 0; i < end.Entries; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (reader.ReadAtLeast(header, ZipFormat.CentralHeader.Size, throwOnEndOfStream: false) < ZipFormat.CentralHeader.Size
                || BinaryPrimitives.ReadUInt32LittleEndian(header) != ZipFormat.CentralHeader.Signature)
            {
                throw Invalid("its central directory ends early");
            }

            var span = header.AsSpan();
            long compressed = BinaryPrimitives.ReadUInt32LittleEndian(span[20..]);
            long uncompressed = BinaryPrimitives.ReadUInt32LittleEndian(span[24..]);
            int nameLength = BinaryPrimitives.ReadUInt16LittleEndian(span[28..]);
            int extraLength = BinaryPrimitives.ReadUInt16LittleEndian(span[30..]);
            int commentLength = BinaryPrimitives.ReadUInt16LittleEndian(span[32..]);
            long localOffset = BinaryPrimitives.ReadUInt32LittleEndian(span[42..]);
            var length = nameLength + extraLength + commentLength;
            if (reader.ReadAtLeast(variable.AsMemory(0, length).Span, length, throwOnEndOfStream: false) < length)
            {
                throw Invalid("its central directory ends early");
            }

            var name = System.Text.Encoding.UTF8.GetString(variable, 0, nameLength);
            ApplyZip64(variable.AsSpan(nameLength, extraLength), ref uncompressed, ref compressed, ref localOffset);
            entries.Add((localOffset, compressed, name));
        }

        return entries;
    }

    /// <summary>The ZIP64 extra field holds, in this order, those sizes and offsets whose 32-bit fields are all ones.</summary>
    private static void ApplyZip64(ReadOnlySpan<byte> extra, ref long uncompressed, ref long compressed, ref long localOffset)
    {
        while (extra.Length >= 4)
        {
            var id = BinaryPrimitives.ReadUInt16LittleEndian(extra);
            var size = BinaryPrimitives.ReadUInt16LittleEndian(extra[2..]);
            var data = extra[4..Math.Min(extra.Length, 4 + size)];
            extra = extra[Math.Min(extra.Length, 4 + size)..];
            if (id != ZipFormat.Zip64ExtraId)
            {
                continue;
            }

            uncompressed = Next(ref data, uncompressed);
            compressed = Next(ref data, compressed);
            localOffset = Next(ref data, localOffset);
            return;
        }
    }

    private static long Next(ref ReadOnlySpan<byte> data, long value)
    {
        if (value != uint.MaxValue || data.Length < 8)
        {
            return value;
        }

        var wide = BinaryPrimitives.ReadUInt64LittleEndian(data);
        data = data[8..];
        return wide > long.MaxValue ? long.MaxValue : (long)wide;
    }

    private static long DataEnd(Stream archive, long localOffset, long compressedSize, string name)
    {
        var header = new byte[ZipFormat.LocalHeader.Size];
        if (localOffset < 0 || localOffset > archive.Length - ZipFormat.LocalHeader.Size)
        {
            throw Invalid($"entry '{ZipEntryPolicy.Printable(name)}' points outside the file");
        }

        archive.Seek(localOffset, SeekOrigin.Begin);
        archive.ReadExactly(header);
        if (BinaryPrimitives.ReadUInt32LittleEndian(header) != ZipFormat.LocalHeader.Signature)
        {
            throw Invalid($"entry '{ZipEntryPolicy.Printable(name)}' has no local header");
        }

        long variable = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(26)) + BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(28));
        var dataEnd = localOffset + ZipFormat.LocalHeader.Size + variable + compressedSize;
        return dataEnd < localOffset ? long.MaxValue : dataEnd;
    }

    private static ArtifactException Invalid(string what) => new($"The artifact is not a valid ZIP archive: {what}.");
}
