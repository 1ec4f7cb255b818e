using ThirdPartyJobs.Testing;

namespace ThirdPartyJobs.Artifacts.Tests.Infrastructure;

/// <summary>Builds jobs whose artifacts live under a unique prefix of the test bucket.</summary>
public static class TestJobs
{
    public const string Bucket = "artifact-bucket";

    /// <summary>A secret access key and session token that must never show up anywhere (s3rver only checks the key id).</summary>
    public const string CanarySecret = "canary-secret-5b1f0e2c9d7a4e8f";

    public const string CanaryToken = "canary-token-0c6d2b9e4f1a7c3e-FwoGZXIvYXdzE";

    public static SessionCredentials ValidCredentials(string token = CanaryToken) => ThirdPartyJobsModelFactory.SessionCredentials(LocalS3Server.AccessKeyId, CanarySecret, token);

    public static JobDetails Job(
        IEnumerable<string>? inputs = null,
        IEnumerable<string>? outputs = null,
        SessionCredentials? credentials = null,
        EncryptionKey? encryptionKey = null,
        string? prefix = null,
        string bucket = Bucket,
        bool withCredentials = true)
    {
        prefix ??= "pipeline/" + Guid.NewGuid().ToString("N")[..12];
        // Built with the model factory (the records' constructors are internal); fillDefaults: false leaves out what a bare job lacks.
        var details = ThirdPartyJobsModelFactory.JobDetails(
            id: "job-" + Guid.NewGuid().ToString("N")[..8],
            nonce: "nonce-1",
            inputArtifacts: (inputs ?? []).Select(name => Artifact(name, bucket, $"{prefix}/{name}.zip")).ToList(),
            outputArtifacts: (outputs ?? []).Select(name => Artifact(name, bucket, $"{prefix}/{name}.zip")).ToList(),
            artifactCredentials: withCredentials ? credentials ?? ValidCredentials() : null,
            encryptionKey: encryptionKey,
            fillDefaults: false);
        return details;
    }

    public static Artifact Artifact(string name, string bucket, string key) =>
        ThirdPartyJobsModelFactory.Artifact(name, "rev-1", bucket, key);

    public static string KeyOf(JobDetails job, string name) =>
        job.Data!.InputArtifacts.Concat(job.Data.OutputArtifacts).First(artifact => artifact.Name == name).S3Location!.ObjectKey!;
}
