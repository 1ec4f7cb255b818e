using System.Globalization;

namespace ThirdPartyJobs.Testing.Protocol;

/// <summary>
/// The error codes the emulator answers with, each in the namespace AWS puts it in: CodePipeline's modeled
/// errors in <c>com.amazonaws.codepipeline</c>; the front end's (authentication, protocol) in
/// <c>com.amazon.coral.service</c>; throttling and unavailability in <c>com.amazon.coral.availability</c>.
/// </summary>
internal static class AwsErrors
{
    public const string CodePipeline = "com.amazonaws.codepipeline";
    public const string CoralService = "com.amazon.coral.service";
    public const string CoralAvailability = "com.amazon.coral.availability";

    public const string InternalFailureCode = "InternalFailure";
    public const string ServiceUnavailableCode = "ServiceUnavailableException";
    public const string ThrottlingCode = "ThrottlingException";

    public static AwsException JobNotFound(string jobId) =>
        Service("JobNotFoundException", $"The job '{jobId}' was not found.");

    public static AwsException InvalidClientToken(string jobId) =>
        Service("InvalidClientTokenException", $"The client token is not valid for job '{jobId}'.");

    public static AwsException InvalidNonce(string jobId) =>
        Service("InvalidNonceException", $"The nonce is not valid for job '{jobId}'.");

    public static AwsException InvalidJobState(string jobId, EmulatedJobState state) =>
        Service(
            "InvalidJobStateException",
            $"Job '{jobId}' is {state}; a result can only be put for a job that is InProgress.");

    public static AwsException InvalidJob(string jobId, EmulatedJobState state) =>
        Service("InvalidJobException", $"Job '{jobId}' is {state}; its details cannot be retrieved.");

    public static AwsException ActionTypeNotFound(ActionTypeKey actionType) =>
        Service("ActionTypeNotFoundException", $"Action type {actionType} was not found.");

    public static AwsException OutputVariablesSizeExceeded(int maxBytes) =>
        Service(
            "OutputVariablesSizeExceededException",
            $"The output variables exceed the size limit of {maxBytes.ToString(CultureInfo.InvariantCulture)} bytes for an action.");

    public static AwsException Validation(IReadOnlyList<string> violations)
    {
        var count = violations.Count.ToString(CultureInfo.InvariantCulture);
        var prefix = violations.Count == 1 ? " validation error detected: " : " validation errors detected: ";
        return Service("ValidationException", count + prefix + string.Join("; ", violations));
    }

    public static AwsException Serialization(string message) =>
        new(400, "SerializationException", CoralService, message);

    public static AwsException UnknownOperation(string message) =>
        new(400, "UnknownOperationException", CoralService, message);

    public static AwsException MissingAuthenticationToken() =>
        new(400, "MissingAuthenticationTokenException", CoralService, "Missing Authentication Token");

    public static AwsException IncompleteSignature(string message) =>
        new(400, "IncompleteSignatureException", CoralService, message);

    public static AwsException UnrecognizedClient() =>
        new(400, "UnrecognizedClientException", CoralService, "The security token included in the request is invalid.");

    public static AwsException InvalidSignature(string message) =>
        new(400, "InvalidSignatureException", CoralService, message);

    public static AwsException Throttling() =>
        new(400, ThrottlingCode, CoralAvailability, "Rate exceeded");

    public static AwsException ServerError(int statusCode) =>
        statusCode == 503
            ? new(503, ServiceUnavailableCode, CoralAvailability, "Service Unavailable")
            : new(statusCode, InternalFailureCode, CoralService, "The request processing has failed because of an unknown error, exception or failure.");

    private static AwsException Service(string code, string message) => new(400, code, CodePipeline, message);
}
