#region Snippet:ReadSecrets
using Amazon.Runtime;
using ThirdPartyJobs;

static class Secrets
{
    public static void Use(JobDetails job)
    {
        Console.WriteLine(job.Data!.Configuration);       // ActionConfiguration { ApiKey = *** }
        Console.WriteLine(job.Data.ArtifactCredentials);  // only the access key's 4-character prefix

        // Secrets only on explicit access:
        string apiKey = job.Data.Configuration.GetSecretValue("ApiKey");
        bool hasRegion = job.Data.Configuration.TryGetSecretValue("Region", out var region);
        AWSCredentials? s3Credentials = job.Data.ArtifactCredentials?.ToAwsCredentials();
    }
}
#endregion
