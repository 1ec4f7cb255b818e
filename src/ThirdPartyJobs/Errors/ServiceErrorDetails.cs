using System.Net;

namespace ThirdPartyJobs;

/// <summary>The facts about a failed call that an exception is built with, all at once. None of them is secret.</summary>
/// <param name="Operation">The CodePipeline operation.</param>
/// <param name="ErrorCode">The service's error code.</param>
/// <param name="RequestId">The AWS request id.</param>
/// <param name="StatusCode">The HTTP status.</param>
/// <param name="JobId">The job the call was about.</param>
/// <param name="Attempts">Attempts made; 0 means 1 (a call that was not retried).</param>
/// <param name="ServiceMessage">The service's own message, already scrubbed of request secrets.</param>
internal readonly record struct ServiceErrorDetails(
    string? Operation = null,
    string? ErrorCode = null,
    string? RequestId = null,
    HttpStatusCode? StatusCode = null,
    string? JobId = null,
    int Attempts = 0,
    string? ServiceMessage = null);
