namespace ThirdPartyJobs.Hosting.Sources;

/// <summary>The kind of a job (its action type's owner, as a source and a journal record name it).</summary>
internal static class JobKinds
{
    /// <summary>Whether <paramref name="kind"/> is a custom action's: its client id is then the account id.</summary>
    public static bool IsCustom(string kind) => string.Equals(kind, ActionOwner.Custom.Value, StringComparison.Ordinal);
}
