using System.Net;

namespace ThirdPartyJobs.Protocol.AwsSdk;

/// <summary>An error answer as read inside the SDK pipeline; the transport turns it into the library's exception. Holds nothing secret.</summary>
internal sealed class ErrorResponseException(HttpStatusCode status, string? requestId, string? code, string? serviceMessage, bool notJson, bool truncated)
    : Exception("CodePipeline answered with an error.")
{
    public HttpStatusCode Status { get; } = status;

    public string? RequestId { get; } = requestId;

    public string? Code { get; } = code;

    public string? ServiceMessage { get; } = serviceMessage;

    /// <summary>The body is not JSON (a proxy's page): the message says so, without quoting it.</summary>
    public bool NotJson { get; } = notJson;

    /// <summary>The body was longer than <see cref="JsonOperationUnmarshaller.MaxErrorBytes"/> and was not read to its end.</summary>
    public bool Truncated { get; } = truncated;
}

/// <summary>A success body larger than <see cref="JsonOperationUnmarshaller.MaxResponseBytes"/>.</summary>
internal sealed class ResponseTooLargeException(HttpStatusCode status, string? requestId)
    : Exception($"The response is larger than {JsonOperationUnmarshaller.MaxResponseBytes} bytes.")
{
    public HttpStatusCode Status { get; } = status;

    public string? RequestId { get; } = requestId;
}
