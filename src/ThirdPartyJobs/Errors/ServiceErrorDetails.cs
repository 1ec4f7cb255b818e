using System.Net;

namespace ThirdPartyJobs;

/// <summary>The facts about a failed CodePipeline call that an exception carries. None of them is secret.</summary>
/// <param name="Operation">The CodePipeline operation.</param>
/// <param name="ErrorCode">The service's error code.</param>
/// <param name="RequestId">The AWS request id.</param>
/// <param name="StatusCode">The HTTP status.</param>
/// <param name="JobId">The job the call was about.</param>
public readonly record struct ServiceErrorDetails(
    string? Operation = null,
    string? ErrorCode = null,
    string? RequestId = null,
    HttpStatusCode? StatusCode = null,
    string? JobId = null);
