namespace ThirdPartyJobs.Artifacts.Archives;

/// <summary>
/// The ZIP format's numbers (APPNOTE.TXT): record signatures and fixed sizes, the ZIP64 extra
/// field's id, and the Unix file-type and permission bits kept in the high 16 bits of an entry's
/// external attributes. One table for the writer, the extractor and the checks that read raw records.
/// </summary>
internal static class ZipFormat
{
    /// <summary>The buffer for copying entry data (a multiple of the deflate window; large enough to keep disks busy).</summary>
    public const int CopyBufferSize = 128 * 1024;

    /// <summary>The end-of-central-directory record ("PK\x05\x06"; its fixed part, before the comment).</summary>
    public static readonly ZipRecordLayout EndOfCentralDirectory = new(0x06054b50, 22);

    /// <summary>The ZIP64 end-of-central-directory locator ("PK\x06\x07").</summary>
    public static readonly ZipRecordLayout Zip64Locator = new(0x07064b50, 20);

    /// <summary>The ZIP64 end-of-central-directory record ("PK\x06\x06"; its fixed part).</summary>
    public static readonly ZipRecordLayout Zip64EndOfCentralDirectory = new(0x06064b50, 56);

    /// <summary>A central-directory header ("PK\x01\x02"; its fixed part, before the name and extra fields).</summary>
    public static readonly ZipRecordLayout CentralHeader = new(0x02014b50, 46);

    /// <summary>A local file header ("PK\x03\x04"; its fixed part).</summary>
    public static readonly ZipRecordLayout LocalHeader = new(0x04034b50, 30);

    /// <summary>The longest archive comment (its length is a 16-bit field).</summary>
    public const int MaxCommentLength = ushort.MaxValue;

    /// <summary>The ZIP64 extended-information extra field's header id.</summary>
    public const ushort Zip64ExtraId = 0x0001;

    /// <summary>The Unix file-type bits (<c>S_IFMT</c>) of an entry's mode.</summary>
    public const int UnixFileTypeMask = 0xF000;

    /// <summary>A symbolic link (<c>S_IFLNK</c>).</summary>
    public const int UnixSymbolicLink = 0xA000;

    /// <summary>A regular file (<c>S_IFREG</c>).</summary>
    public const int UnixRegularFile = 0x8000;

    /// <summary>A directory (<c>S_IFDIR</c>).</summary>
    public const int UnixDirectory = 0x4000;

    /// <summary>rwxrwxrwx: the setuid, setgid and sticky bits are dropped on extraction.</summary>
    public const int UnixPermissionMask = 0x1FF;
}

/// <summary>A fixed-layout ZIP record: the signature it starts with and the size of its fixed part.</summary>
/// <param name="Signature">The little-endian signature.</param>
/// <param name="Size">The fixed part's size in bytes.</param>
internal readonly record struct ZipRecordLayout(uint Signature, int Size);
