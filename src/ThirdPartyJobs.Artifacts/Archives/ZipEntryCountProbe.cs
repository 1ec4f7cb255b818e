using System.Buffers.Binary;

namespace ThirdPartyJobs.Artifacts.Archives;

/// <summary>
/// Reads the entry count a ZIP file's end-of-central-directory record (or its ZIP64 variant)
/// declares, without parsing the central directory. Lets an archive with millions of entries be
/// refused before <c>ZipArchive</c> allocates an object for each of them.
/// </summary>
internal static class ZipEntryCountProbe
{
    private const uint EndOfCentralDirectorySignature = 0x06054b50;
    private const uint Zip64LocatorSignature = 0x07064b50;
    private const uint Zip64EndOfCentralDirectorySignature = 0x06064b50;
    private const int EndOfCentralDirectorySize = 22;
    private const int Zip64LocatorSize = 20;
    private const int MaxCommentLength = ushort.MaxValue;

    /// <summary>Returns the declared entry count, or null when no end-of-central-directory record is found (not a ZIP file).</summary>
    public static long? ReadDeclaredEntryCount(Stream archive)
    {
        var length = archive.Length;
        if (length < EndOfCentralDirectorySize)
        {
            return null;
        }

        var tailLength = (int)Math.Min(length, EndOfCentralDirectorySize + MaxCommentLength);
        var tail = new byte[tailLength];
        archive.Seek(length - tailLength, SeekOrigin.Begin);
        archive.ReadExactly(tail);

        for (var at = tailLength - EndOfCentralDirectorySize; at >= 0; at--)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(at)) != EndOfCentralDirectorySignature)
            {
                continue;
            }

            var entries = BinaryPrimitives.ReadUInt16LittleEndian(tail.AsSpan(at + 10));
            if (entries != ushort.MaxValue)
            {
                return entries;
            }

            // ZIP64: the locator sits right before the record and points at the ZIP64 record.
            var recordOffset = length - tailLength + at;
            if (recordOffset < Zip64LocatorSize)
            {
                return entries;
            }

            var locator = new byte[Zip64LocatorSize];
            archive.Seek(recordOffset - Zip64LocatorSize, SeekOrigin.Begin);
            archive.ReadExactly(locator);
            if (BinaryPrimitives.ReadUInt32LittleEndian(locator) != Zip64LocatorSignature)
            {
                return entries;
            }

            var zip64Offset = BinaryPrimitives.ReadInt64LittleEndian(locator.AsSpan(8));
            if (zip64Offset < 0 || zip64Offset > length - 56)
            {
                return entries;
            }

            var zip64 = new byte[56];
            archive.Seek(zip64Offset, SeekOrigin.Begin);
            archive.ReadExactly(zip64);
            if (BinaryPrimitives.ReadUInt32LittleEndian(zip64) != Zip64EndOfCentralDirectorySignature)
            {
                return entries;
            }

            var total = BinaryPrimitives.ReadUInt64LittleEndian(zip64.AsSpan(32));
            return total > long.MaxValue ? long.MaxValue : (long)total;
        }

        return null;
    }
}
