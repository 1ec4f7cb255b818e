namespace ThirdPartyJobs.TestUtilities;

/// <summary>
/// Recognizable fake secrets, planted wherever a secret goes (artifact credentials, client tokens,
/// configuration values, exception messages, signing keys); finding one anywhere is a leak. Only an
/// access key id's 4-character prefix (<c>ASIA</c>, <c>AKID</c>) may ever be shown.
/// </summary>
/// <remarks>
/// One set for every test project, detected by the union of the checks each project used to make:
/// the <see cref="Marker"/> anywhere (so that a test's own <c>CANARY-…</c> values count as well),
/// any <see cref="Window"/>-character stretch of a canary (a partial or truncated leak), and so
/// every whole value. Each value is upper case or random beyond its marker, so that no window of
/// it is an ordinary word such as <c>xception</c>. Abstract rather than static only so that a test
/// project can add members that need its own references (Hosting's renewable credentials).
/// </remarks>
public abstract class Canaries
{
    /// <summary>In every canary but the signing access key id; case-sensitive, so that type names such as CanaryLogTests do not count.</summary>
    public const string Marker = "CANARY";

    /// <summary>How many consecutive characters of a canary identify it.</summary>
    public const int Window = 8;

    /// <summary>An artifact access key id.</summary>
    public const string AccessKeyId = "ASIACANARYACCESSKEY1";

    /// <summary>An artifact secret access key.</summary>
    public const string SecretAccessKey = "CANARY-SECRET-KEY-wJalrXUtnFEMI-K7MDENG";

    /// <summary>An artifact session token.</summary>
    public const string SessionToken = "CANARY-SESSION-TOKEN-FwoGZXIvYXdzEBYaDH";

    /// <summary>A client token (the secret of a third-party action).</summary>
    public const string ClientToken = "CANARY-CLIENT-TOKEN-0a1b2c3d4e5f";

    /// <summary>A secret configuration value.</summary>
    public const string ConfigValue = "CANARY-CONFIG-VALUE-9f8e7d6c5b4a";

    /// <summary>The same secret configuration value, by its longer name.</summary>
    public const string ConfigurationValue = ConfigValue;

    /// <summary>A second secret configuration value (a job usually has more than one).</summary>
    public const string ConfigurationPassword = "CANARY-CONFIG-PASSWORD-Pw3Xq8Zr1Lk6Tv9Nb4";

    /// <summary>An exception message a handler throws (it may quote secrets).</summary>
    public const string ExceptionMessage = "CANARY-EXCEPTION-MESSAGE-3D71c0e9";

    /// <summary>The access key id the AWS SDK signs requests with.</summary>
    public const string SigningAccessKeyId = "AKIDJ3XW8QZ5KNRY7LPT";

    /// <summary>The secret access key the AWS SDK signs requests with.</summary>
    public const string SigningSecretAccessKey = "CANARY/SIG/Wq4Zx8Lr2Tk6Vb9Nh3Jd7Mf1Ps5Yc0";

    /// <summary>Prevents instances: only a test project's own canary type derives from this one.</summary>
    protected Canaries()
    {
    }

    /// <summary>A session token as long as a real one (744 characters), no <see cref="Window"/>-character stretch of it repeated.</summary>
    public static string RealLengthSessionToken { get; } = BuildRealLengthSessionToken();

    /// <summary>Every canary, by what it stands for.</summary>
    public static IReadOnlyDictionary<string, string> Named { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["artifact access key id (beyond its 4-character prefix)"] = AccessKeyId,
        ["artifact secret access key"] = SecretAccessKey,
        ["artifact session token"] = SessionToken,
        ["real-length artifact session token"] = RealLengthSessionToken,
        ["client token"] = ClientToken,
        ["configuration value"] = ConfigValue,
        ["configuration password"] = ConfigurationPassword,
        ["exception message"] = ExceptionMessage,
        ["signing access key id (beyond its 4-character prefix)"] = SigningAccessKeyId,
        ["signing secret access key"] = SigningSecretAccessKey,
    };

    /// <summary>Every canary value.</summary>
    public static IReadOnlyList<string> All { get; } = [.. Named.Values];

    // After Named and All: static initializers run in the order written.
    private static readonly CanaryDetector Detector = new(Named);
    private static readonly Dictionary<string, CanaryDetector> DetectorOf =
        All.Distinct().ToDictionary(secret => secret, secret => new CanaryDetector([new("canary", secret)]), StringComparer.Ordinal);

    /// <summary>Whether <paramref name="text"/> holds the <see cref="Marker"/> or any <see cref="Window"/>-character stretch of a canary.</summary>
    public static bool Leaks(string? text) => FindIn(text) is not null;

    /// <summary>What the first canary found in <paramref name="text"/> stands for (or that it holds the <see cref="Marker"/>), or null.</summary>
    public static string? FindIn(string? text) =>
        Detector.FindIn(text) ?? (text is not null && text.Contains(Marker, StringComparison.Ordinal) ? $"text marked {Marker}" : null);

    /// <summary>The canaries of which <paramref name="text"/> holds any <see cref="Window"/>-character stretch, in <see cref="All"/>'s order.</summary>
    public static IEnumerable<string> FoundIn(string? text) => All.Distinct().Where(secret => DetectorOf[secret].FindIn(text) is not null).ToList();

    private static string BuildRealLengthSessionToken()
    {
        // Deterministic, base64-like text: no window of it occurs twice, nor in another canary.
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
#pragma warning disable CA5394 // Not for security: a fixed seed gives the same canary on every run.
        var random = new Random(7421);
        var chars = new char[744];
        "CANARY".CopyTo(chars);
        for (var i = Marker.Length; i < chars.Length; i++)
        {
            chars[i] = alphabet[random.Next(alphabet.Length)];
        }
#pragma warning restore CA5394

        return new string(chars);
    }
}
