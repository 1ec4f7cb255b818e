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
}
