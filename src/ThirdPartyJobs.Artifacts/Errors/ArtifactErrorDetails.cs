using ThirdPartyJobs.Artifacts.Storage;

namespace ThirdPartyJobs.Artifacts;

/// <summary>
/// The facts an artifact exception is built with, all at once (core's exceptions are immutable once
/// created, so the facts cannot be added afterwards). None of them is secret. S3's answer stays the
/// <see cref="S3ServiceFailure"/> it was read into: its code, status, request id and scrubbed message
/// are the exception's service facts.
/// </summary>
/// <param name="Operation">The S3 operation, e.g. <c>S3:GetObject</c>.</param>
/// <param name="JobId">The job whose artifact it was.</param>
/// <param name="Attempts">Attempts made; 0 means 1 (a request that was not retried).</param>
/// <param name="Target">The artifact and its S3 object, when the error concerns one.</param>
/// <param name="ArtifactName">The artifact's name when there is no <paramref name="Target"/> (its location is unknown or unusable).</param>
/// <param name="Answer">S3's error answer; none for a network failure, a timeout or an archive problem.</param>
internal readonly record struct ArtifactErrorDetails(
    string? Operation = null,
    string? JobId = null,
    int Attempts = 0,
    ArtifactTarget? Target = null,
    string? ArtifactName = null,
    S3ServiceFailure? Answer = null)
{
    /// <summary>S3's own message, already scrubbed of credentials; null when it sent none.</summary>
    public string? ServiceMessage => string.IsNullOrWhiteSpace(Answer?.Message) ? null : Answer.Message;
}
