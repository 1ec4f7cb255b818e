namespace ThirdPartyJobs.Protocol;

/// <summary>One attempt of one operation call: its name, its JSON body and the facts errors and wire headers need.</summary>
/// <param name="Operation">The operation name, e.g. <c>GetThirdPartyJobDetails</c>.</param>
/// <param name="Body">The UTF-8 JSON request body.</param>
/// <param name="JobId">The job the call is about, for error reports.</param>
/// <param name="Secrets">Values sent in the request that must never be echoed back in an error message (client token, nonce).</param>
internal sealed record TransportRequest(string Operation, byte[] Body, string? JobId, IReadOnlyList<string> Secrets)
{
    /// <summary>Sent as <c>amz-sdk-invocation-id</c>: one value for every attempt of a logical call, as the AWS SDKs do.</summary>
    public string InvocationId { get; init; } = Guid.NewGuid().ToString();

    /// <summary>This attempt's number, from 1; sent as <c>amz-sdk-request: attempt=N</c> and carried by the exception it may end in.</summary>
    public int Attempt { get; init; } = 1;

    /// <summary>The most attempts the call may make; sent as <c>max=M</c>.</summary>
    public int MaxAttempts { get; init; } = 1;
}

/// <summary>A successful response.</summary>
/// <param name="Body">The UTF-8 JSON body.</param>
/// <param name="RequestId">The AWS request id.</param>
/// <param name="StatusCode">The HTTP status (a 2xx).</param>
internal sealed record TransportResponse(ReadOnlyMemory<byte> Body, string? RequestId, System.Net.HttpStatusCode StatusCode = System.Net.HttpStatusCode.OK);
