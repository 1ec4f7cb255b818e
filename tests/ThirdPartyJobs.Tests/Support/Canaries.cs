namespace ThirdPartyJobs.Tests.Support;

/// <summary>
/// Recognizable fake secrets. Every one contains <see cref="Marker"/>, so a single scan finds any
/// of them; only the access key's 4-character prefix (<c>ASIA</c>) may ever be shown.
/// </summary>
internal static class Canaries
{
    public const string Marker = "CANARY";
    public const string AccessKeyId = "ASIACANARYACCESSKEY1";
    public const string SecretAccessKey = "CANARY-SECRET-KEY-wJalrXUtnFEMI-K7MDENG";
    public const string SessionToken = "CANARY-SESSION-TOKEN-FwoGZXIvYXdzEBYaDH";
    public const string ConfigValue = "CANARY-CONFIG-VALUE-9f8e7d6c5b4a";
    public const string ClientToken = "CANARY-CLIENT-TOKEN-0a1b2c3d4e5f";

    public static IReadOnlyList<string> All { get; } = [AccessKeyId, SecretAccessKey, SessionToken, ConfigValue, ClientToken];

    /// <summary>Whether <paramref name="text"/> holds any canary. Case-sensitive, so that type names such as CanaryLogTests in stack traces do not count.</summary>
    public static bool Leaks(string? text) => text is not null && text.Contains(Marker, StringComparison.Ordinal);
}
