namespace ThirdPartyJobs.Testing.Protocol;

/// <summary>
/// An AWS error that the emulator answers a request with: an HTTP status, an error code in a Coral/Smithy
/// namespace and a message. Thrown anywhere in request handling and written by <see cref="ResponseWriter"/>.
/// </summary>
internal sealed class AwsException : Exception
{
    public AwsException(int statusCode, string code, string errorNamespace, string message)
        : base(message)
    {
        StatusCode = statusCode;
        Code = code;
        Namespace = errorNamespace;
    }

    public AwsException()
        : this(500, AwsErrors.InternalFailureCode, AwsErrors.CoralService, "Internal failure.")
    {
    }

    public AwsException(string message)
        : this(500, AwsErrors.InternalFailureCode, AwsErrors.CoralService, message)
    {
    }

    public AwsException(string message, Exception innerException)
        : base(message, innerException)
    {
        StatusCode = 500;
        Code = AwsErrors.InternalFailureCode;
        Namespace = AwsErrors.CoralService;
    }

    /// <summary>The HTTP status code, 400 for client errors.</summary>
    public int StatusCode { get; }

    /// <summary>The bare error code, e.g. <c>JobNotFoundException</c>.</summary>
    public string Code { get; }

    /// <summary>The namespace the code belongs to, e.g. <c>com.amazonaws.codepipeline</c>.</summary>
    public string Namespace { get; }
}
