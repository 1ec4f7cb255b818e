namespace ThirdPartyJobs.Hosting.Tests.Infrastructure;

/// <summary>Secret values planted in jobs; none may ever show up in logs or failure messages.</summary>
internal static class Canary
{
    public const string ClientToken = "CANARY-client-token-5b1e";
    public const string AccessKeyId = "ASIACANARYACCESSKEY7";
    public const string SecretAccessKey = "CANARY-secret-access-key-0c4d";
    public const string SessionToken = "CANARY-session-token-99aa";
    public const string ConfigurationValue = "CANARY-configuration-value-e2f8";
    public const string ExceptionMessage = "CANARY-exception-message-3d71";

    public static readonly string[] All = [ClientToken, AccessKeyId, SecretAccessKey, SessionToken, ConfigurationValue, ExceptionMessage];

    public static SessionCredentials Credentials(int generation = 0) =>
        generation == 0
            ? ThirdPartyJobsModelFactory.SessionCredentials(AccessKeyId, SecretAccessKey, SessionToken)
            : ThirdPartyJobsModelFactory.SessionCredentials(AccessKeyId + generation, SecretAccessKey + generation, SessionToken + generation);

    public static IEnumerable<string> FoundIn(string text) => All.Where(secret => text.Contains(secret, StringComparison.Ordinal));
}
