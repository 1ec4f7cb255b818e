namespace ThirdPartyJobs.Reliability.Tests.Infrastructure;

/// <summary>
/// Recognizable secret values planted in every secret field. Each is random-looking so that any
/// 8 consecutive characters of it identify it; finding such a window anywhere is a leak. The
/// artifact access key id may show its first 4 characters (<c>ASIA</c>) and nothing more.
/// </summary>
internal static class Canaries
{
    public const int Window = 8;

    public const string ArtifactAccessKeyId = "ASIAQ7ZK4W9XCNRY2MPV";
    public const string ArtifactSecretAccessKey = "cnrySAK/x9Fq2Lw7Zr4Tb8Vn1Hc6Jd3Mk5Pg0Ys";
    public const string ClientToken = "cnryCT-8Hq3Zx7Lw2Vb9Nf4Tr6Jd1Kp5Mc0Ys";
    public const string ConfigurationApiKey = "cnryCFG-Ak7Qz2Wx9Lr4Tn8Bv3Hd6Jf1Mp5Ks0";
    public const string ConfigurationPassword = "cnryCFG-Pw3Xq8Zr1Lk6Tv9Nb4Hd7Jm2Fs5Wc0";
    public const string SigningSecretAccessKey = "cnrySIG/Wq4Zx8Lr2Tk6Vb9Nh3Jd7Mf1Ps5Yc0Ag";
    public const string SigningAccessKeyId = "AKIDJ3XW8QZ5KNRY7LPT";

    /// <summary>A session token as long as a real one (~750 characters), unique throughout.</summary>
    public static string ArtifactSessionToken { get; } = BuildSessionToken();

    /// <summary>Every secret, by name.</summary>
    public static IReadOnlyDictionary<string, string> All { get; } = new Dictionary<string, string>
    {
        ["artifact access key id (beyond its 4-character prefix)"] = ArtifactAccessKeyId,
        ["artifact secret access key"] = ArtifactSecretAccessKey,
        ["artifact session token"] = ArtifactSessionToken,
        ["client token"] = ClientToken,
        ["configuration value ApiKey"] = ConfigurationApiKey,
        ["configuration value Password"] = ConfigurationPassword,
        ["signing secret access key"] = SigningSecretAccessKey,
        ["signing access key id (beyond its 4-character prefix)"] = SigningAccessKeyId,
    };

    private static readonly CanaryDetector Detector = new(All);

    /// <summary>The name of the first canary found in <paramref name="text"/>, or null.</summary>
    public static string? FindIn(string? text) => Detector.FindIn(text);

    private static string BuildSessionToken()
    {
        // Deterministic, non-repeating base64-like text: no 8-character window occurs twice.
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        var random = new Random(7421);
        var chars = new char[744];
        "cnrySTK".CopyTo(chars);
        for (var i = 7; i < chars.Length; i++)
        {
            chars[i] = alphabet[random.Next(alphabet.Length)];
        }

        return new string(chars);
    }
}
