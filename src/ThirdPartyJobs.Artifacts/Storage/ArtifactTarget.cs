namespace ThirdPartyJobs.Artifacts.Storage;

/// <summary>The S3 object behind one named artifact. None of it is secret.</summary>
internal sealed record ArtifactTarget(string Name, bool IsInput, string BucketName, string ObjectKey)
{
    public string Kind => IsInput ? "input" : "output";

    public string Describe() => $"{Kind} artifact '{Name}' (s3://{BucketName}/{ObjectKey})";
}
