using System.Net;
using Amazon.Runtime;
using Polly.Timeout;

namespace ThirdPartyJobs.Artifacts.Storage;

/// <summary>
/// Turns an S3 or network failure into the library's typed artifact exceptions. The SDK exception
/// is never chained (its raw response can quote the access key id); S3's message is kept after
/// every credential string is scrubbed out of it.
/// </summary>
internal static class S3ErrorMapper
{
    /// <summary>Whether <paramref name="error"/> is an S3/network failure to map (not a caller's cancellation or a bug).</summary>
    public static bool IsMappable(Exception error, CancellationToken callerToken) => error switch
    {
        OperationCanceledException when callerToken.IsCancellationRequested => false,
        S3ServiceFailure or AmazonServiceException or AmazonClientException or TimeoutRejectedException or OperationCanceledException => true,
        _ => S3ErrorClassifier.IsNetworkFailure(error),
    };

    public static ArtifactException Map(Exception error, string operation, ArtifactTarget target, string jobId, int attempts, IReadOnlyList<string> secrets, bool credentialsRefreshed)
    {
        var details = new ArtifactErrorDetails(Operation(operation), JobId: jobId, Attempts: attempts, Target: target);
        return error switch
        {
            S3ServiceFailure service => FromService(service, operation, details, credentialsRefreshed),
            AmazonServiceException service when S3ServiceFailure.IsServiceAnswer(service) =>
                FromService(S3ServiceFailure.From(service, secrets), operation, details, credentialsRefreshed),
            TimeoutRejectedException timeout => new ArtifactStoreUnavailableException(
                $"S3 did not answer {operation} for the {target.Describe()} within the attempt timeout of {timeout.Timeout.TotalSeconds:0.###} s.",
                details),
            _ when S3ErrorClassifier.IsNetworkFailure(error) || error is OperationCanceledException => new ArtifactStoreUnavailableException(
                $"S3 could not be reached for {operation} of the {target.Describe()}: {Scrub(NetworkMessage(error), secrets)}",
                details,
                NetworkInner(error)),
            _ => new ArtifactException(
                $"{operation} of the {target.Describe()} failed in the AWS SDK: {Scrub(error.Message, secrets)}",
                details),
        };
    }

    /// <summary>The shared scrubber (<see cref="SecretScrubber"/>): long secrets become <c>***</c>; a message quoting a short one is withheld.</summary>
    public static string? Scrub(string? text, IReadOnlyList<string> secrets) => SecretScrubber.Scrub(text, secrets);

    private static ArtifactException FromService(S3ServiceFailure error, string operation, ArtifactErrorDetails details, bool credentialsRefreshed)
    {
        var target = details.Target!;
        details = details with { Answer = error };
        var s3Said = string.IsNullOrWhiteSpace(error.Message) ? string.Empty : $" S3 said: {error.Message}";
        var status = error.StatusCode is { } code ? "HTTP " + (int)code : "no status";
        var what = target.Describe();
        var tried = credentialsRefreshed
            ? "The credentials source was asked again, and S3 refused its credentials as expired too."
            : "The credentials source was asked again and returned the same credentials.";

        // The first rule that fits names the exception type, the most specific first.
        return error switch
        {
            _ when S3ErrorClassifier.IsExpiredCredentials(error) => new ArtifactCredentialsExpiredException(
                $"The job's artifact credentials have expired ({operation} of the {what}). {tried} {ArtifactCredentialsExpiredException.RenewalHint}", details, credentialsRefreshed),
            _ when S3ErrorClassifier.IsAccessDenied(error) => new ArtifactAccessDeniedException(
                $"S3 denied {operation} of the {what} with the job's artifact credentials.{s3Said} Check that the job's credentials (not the worker's) are used, and that the pipeline's KMS key policy allows them.", details),
            _ when S3ErrorClassifier.IsNotFound(error) => new ArtifactNotFoundException($"The {what} does not exist ({error.ErrorCode ?? "HTTP 404"}).{s3Said}", details),
            _ when S3ErrorClassifier.IsTransient(error) => new ArtifactStoreUnavailableException($"S3 kept failing {operation} of the {what} ({error.ErrorCode ?? status}).{s3Said}", details),
            _ when S3ErrorClassifier.IsWrongRegion(error) => new ArtifactException($"The {what} is in another region than the S3 client's. Set ArtifactOptions.Region to the pipeline's region.{s3Said}", details),
            { StatusCode: HttpStatusCode.PreconditionFailed } => new ArtifactException($"The {what} changed while it was being read ({error.ErrorCode ?? "HTTP 412"}).", details),
            _ => new ArtifactException($"S3 refused {operation} of the {what} ({error.ErrorCode ?? status}).{s3Said}", details),
        };
    }

    private static string Operation(string operation) => "S3:" + operation;

    private static string NetworkMessage(Exception error) =>
        error is AmazonServiceException { InnerException: { } inner } ? inner.Message : error.Message;

    // Network exceptions carry no response body, so they are safe to chain; SDK service exceptions are not.
    private static Exception? NetworkInner(Exception error) =>
        error is AmazonServiceException ? error.InnerException is AmazonServiceException ? null : error.InnerException : error;
}
