namespace ThirdPartyJobs.Hosting.Tests.Infrastructure;

/// <summary>
/// The shared <see cref="Canaries"/> (every constant and check is inherited: <c>Canary.ClientToken</c>,
/// <c>Canary.FoundIn</c>), plus the artifact credentials the worker renews, which are core types that
/// the shared test utilities do not reference.
/// </summary>
internal sealed class Canary : Canaries
{
    private Canary()
    {
    }

    /// <summary>The canary credentials; a later <paramref name="generation"/> is a renewal with other canary values.</summary>
    public static SessionCredentials Credentials(int generation = 0) =>
        generation == 0
            ? ThirdPartyJobsModelFactory.SessionCredentials(AccessKeyId, SecretAccessKey, SessionToken)
            : ThirdPartyJobsModelFactory.SessionCredentials(AccessKeyId + generation, SecretAccessKey + generation, SessionToken + generation);
}
