using System.Net;
using ThirdPartyJobs.Artifacts.Storage;

namespace ThirdPartyJobs.Artifacts;

/// <summary>
/// The facts an artifact exception is built with, all at once (core's exceptions are immutable once
/// created, so the facts cannot be added afterwards). None of them is secret.
/// </summary>
/// <param name="Operation">The S3 operation, e.g. <c>S3:GetObject</c>.</param>
/// <param name="ErrorCode">S3's error code.</param>
/// <param name="RequestId">S3's request id.</param>
/// <param name="StatusCode">The HTTP status.</param>
/// <param name="JobId">The job whose artifact it was.</param>
/// <param name="Attempts">Attempts made; 0 means 1 (a request that was not retried).</param>
/// <param name="ServiceMessage">S3's own message, already scrubbed of credentials.</param>
/// <param name="Target">The artifact and its S3 object, when the error concerns one.</param>
/// <param name="ArtifactName">The artifact's name when there is no <paramref name="Target"/> (its location is unknown or unusable).</param>
internal readonly record struct ArtifactErrorDetails(
    string? Operation = null,
    string? ErrorCode = null,
    string? RequestId = null,
    HttpStatusCode? StatusCode = null,
    string? JobId = null,
    int Attempts = 0,
    string? ServiceMessage = null,
    ArtifactTarget? Target = null,
    string? ArtifactName = null);
