using System.Buffers.Binary;

namespace ThirdPartyJobs.Artifacts.Archives;

/// <summary>
/// What a ZIP file's end-of-central-directory record (or its ZIP64 variant) declares: the entry count
/// and where the central directory is. Read without parsing the central directory, so that an archive
/// with millions of entries is refused before <c>ZipArchive</c> allocates an object for each of them.
/// </summary>
internal sealed record ZipEndRecord(long Entries, long CentralDirectoryOffset, long CentralDirectorySize)
{
    /// <summary>Returns the declared layout, or null when no end-of-central-directory record is found (not a ZIP file).</summary>
    public static ZipEndRecord? Read(Stream archive)
    {
        var length = archive.Length;
        if (length < ZipFormat.EndOfCentralDirectory.Size)
        {
            return null;
        }

        var tailLength = (int)Math.Min(length, ZipFormat.EndOfCentralDirectory.Size + ZipFormat.MaxCommentLength);
        var tail = new byte[tailLength];
        archive.Seek(length - tailLength, SeekOrigin.Begin);
        archive.ReadExactly(tail);

        for (var at = tailLength - ZipFormat.EndOfCentralDirectory.Size; at >= 0; at--)
        {
            var record = tail.AsSpan(at);
            if (BinaryPrimitives.ReadUInt32LittleEndian(record) != ZipFormat.EndOfCentralDirectory.Signature)
            {
                continue;
            }

            var classic = new ZipEndRecord(
                BinaryPrimitives.ReadUInt16LittleEndian(record[10..]),
                BinaryPrimitives.ReadUInt32LittleEndian(record[16..]),
                BinaryPrimitives.ReadUInt32LittleEndian(record[12..]));
            var recordOffset = length - tailLength + at;
            return ReadZip64(archive, recordOffset, length) ?? classic;
        }

        return null;
    }

    /// <summary>The ZIP64 record, when a locator right before the classic record points at one (its fields then win).</summary>
    private static ZipEndRecord? ReadZip64(Stream archive, long recordOffset, long length)
    {
        if (recordOffset < ZipFormat.Zip64Locator.Size)
        {
            return null;
        }

        var locator = new byte[ZipFormat.Zip64Locator.Size];
        archive.Seek(recordOffset - ZipFormat.Zip64Locator.Size, SeekOrigin.Begin);
        archive.ReadExactly(locator);
        if (BinaryPrimitives.ReadUInt32LittleEndian(locator) != ZipFormat.Zip64Locator.Signature)
        {
            return null;
        }

        var zip64Offset = BinaryPrimitives.ReadInt64LittleEndian(locator.AsSpan(8));
        if (zip64Offset < 0 || zip64Offset > length - ZipFormat.Zip64EndOfCentralDirectory.Size)
        {
            return null;
        }

        var zip64 = new byte[ZipFormat.Zip64EndOfCentralDirectory.Size];
        archive.Seek(zip64Offset, SeekOrigin.Begin);
        archive.ReadExactly(zip64);
        if (BinaryPrimitives.ReadUInt32LittleEndian(zip64) != ZipFormat.Zip64EndOfCentralDirectory.Signature)
        {
            return null;
        }

        return new ZipEndRecord(Clamp(BinaryPrimitives.ReadUInt64LittleEndian(zip64.AsSpan(32))), Clamp(BinaryPrimitives.ReadUInt64LittleEndian(zip64.AsSpan(48))), Clamp(BinaryPrimitives.ReadUInt64LittleEndian(zip64.AsSpan(40))));
    }

    private static long Clamp(ulong value) => value > long.MaxValue ? long.MaxValue : (long)value;
}
