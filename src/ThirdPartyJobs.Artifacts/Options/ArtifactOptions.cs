using System.ComponentModel.DataAnnotations;
using System.IO.Compression;
using Microsoft.Extensions.Options;

namespace ThirdPartyJobs.Artifacts;

/// <summary>
/// How job artifacts are reached and handled. The credentials are never configured here: they
/// always come from the job (<see cref="JobData.ArtifactCredentials"/>) or from the running job
/// given to <see cref="IJobArtifactsFactory.Create(IRunningJob)"/>.
/// Bound from the <c>"ThirdPartyJobs:Artifacts"</c> configuration section by
/// <c>AddThirdPartyJobArtifacts(IConfiguration)</c>. The clock is not a setting: pass a
/// <see cref="TimeProvider"/> to <see cref="JobArtifactsFactory"/>, or register one with dependency injection.
/// </summary>
public sealed class ArtifactOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "ThirdPartyJobs:Artifacts";

    /// <summary>The smallest part S3 accepts in a multipart upload (5 MiB).</summary>
    public const int MinimumPartSize = 5 * 1024 * 1024;

    /// <summary>
    /// The pipeline's AWS region (e.g. <c>eu-west-1</c>): the artifact bucket lives there. Must not be
    /// empty or white space. Null uses the region of the registered <c>AWSOptions</c> (the <c>"AWS"</c>
    /// section, as the CodePipeline client does) when registered with dependency injection, else the
    /// SDK's region resolution (<c>AWS_REGION</c>, the profile); with <see cref="ServiceUrl"/> set and
    /// no region anywhere, requests are signed for <c>us-east-1</c>.
    /// </summary>
    public string? Region { get; set; }

    /// <summary>An S3-compatible endpoint to use instead of AWS S3 (e.g. <c>http://127.0.0.1:4568</c> for a local server): an absolute <c>http</c> or <c>https</c> URL. Null for AWS S3.</summary>
    public Uri? ServiceUrl { get; set; }

    /// <summary>Address buckets by path (<c>host/bucket/key</c>) instead of by host name. Null means "on when <see cref="ServiceUrl"/> is set".</summary>
    public bool? ForcePathStyle { get; set; }

    /// <summary>
    /// The size of each part of a multipart upload, in bytes, and the unit of memory an upload
    /// holds per concurrent part. Outputs up to this size go up in one request. Default 16 MiB;
    /// 5 MiB–512 MiB.
    /// </summary>
    [Range(MinimumPartSize, 512 * 1024 * 1024)]
    public int PartSize { get; set; } = 16 * 1024 * 1024;

    /// <summary>How many parts of one upload are in flight at once. Peak upload memory is about <see cref="PartSize"/> × this. Default 4; 1–16.</summary>
    [Range(1, 16)]
    public int UploadConcurrency { get; set; } = 4;

    /// <summary>
    /// How long a download may go without receiving a byte before it is abandoned (and resumed,
    /// within <see cref="ThirdPartyJobsRetryOptions.MaxAttempts"/>): 1 s–1 h. Default 2 minutes.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan ReadIdleTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How hard output directories are compressed: a defined <see cref="System.IO.Compression.CompressionLevel"/> value. Default <see cref="CompressionLevel.Optimal"/>; <see cref="CompressionLevel.Fastest"/> zips large outputs several times faster at a somewhat larger size.</summary>
    public CompressionLevel CompressionLevel { get; set; } = CompressionLevel.Optimal;

    /// <summary>Where archives are staged while they are zipped or downloaded. Null uses <see cref="Path.GetTempPath"/>.</summary>
    public string? TempDirectory { get; set; }

    /// <summary>Limits that protect extraction against zip bombs (keys <c>ThirdPartyJobs:Artifacts:ArchiveLimits:*</c>; each key's range is on its property). Must not be null.</summary>
    [ValidateObjectMembers]
    public ArchiveLimits ArchiveLimits { get; set; } = new();

    /// <summary>
    /// How throttled and transient S3 failures are retried (keys <c>ThirdPartyJobs:Artifacts:Retry:*</c>; each
    /// key's range is on its property). The same settings as the CodePipeline client's, with longer
    /// timeouts for transfers: <see cref="ThirdPartyJobsRetryOptions.AttemptTimeout"/> 5 min (10 ms–1 h),
    /// <see cref="ThirdPartyJobsRetryOptions.OverallTimeout"/> 1 h. Must not be null.
    /// </summary>
    [ValidateObjectMembers]
    public ThirdPartyJobsRetryOptions Retry { get; set; } = new() { AttemptTimeout = TimeSpan.FromMinutes(5), OverallTimeout = TimeSpan.FromHours(1) };
}
